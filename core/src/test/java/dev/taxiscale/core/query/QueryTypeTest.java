package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The registry holds every request and result type, and each one is documented. */
class QueryTypeTest {
  private static final GeoPoint PENN_STATION = new GeoPoint(-73.9935, 40.7506);
  private static final GeoPoint JFK = new GeoPoint(-73.7781, 40.6413);

  /** Every request asks at Penn Station (to JFK) on a January evening. */
  static final Sampler AT_PENN_STATION =
      new Sampler() {
        @Override
        public GeoPoint place(double spreadMeters) {
          return PENN_STATION;
        }

        @Override
        public Leg leg(double spreadMeters) {
          return new Leg(PENN_STATION, JFK);
        }

        @Override
        public LocalDateTime minute(int spanMinutes) {
          return LocalDateTime.of(2014, 1, 9, 21, 0);
        }

        @Override
        public double fraction() {
          return 0;
        }
      };

  private record Unregistered() implements QueryRequest {
    @Override
    public String type() {
      return "unregistered";
    }
  }

  @Test
  void shouldDrawARequestThatNamesItsOwnType() {
    for (QueryType type : QueryType.values()) {
      QueryRequest drawn = type.draw(AT_PENN_STATION);

      assertThat(drawn).as(type.wireName()).isInstanceOf(type.requestClass());
      assertThat(drawn.type()).isEqualTo(type.wireName());
      assertThat(QueryType.of(drawn)).isEqualTo(type);
    }
  }

  @Test
  void shouldNameARequestClassThatIsNotRegistered() {
    assertThatThrownBy(() -> QueryType.of(Unregistered.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unregistered is not registered in QueryType");
  }

  @Test
  void shouldSumUpEveryTypeInOneLine() {
    for (QueryType type : QueryType.values()) {
      assertThat(type.summary()).as(type.wireName()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void shouldGiveEachTypeItsOwnName() {
    assertThat(QueryType.names()).doesNotHaveDuplicates().hasSize(QueryType.values().length);
  }

  @Test
  void shouldFindATypeByItsWireName() {
    for (QueryType type : QueryType.values()) {
      assertThat(QueryType.named(type.wireName())).isEqualTo(type);
    }
  }

  @Test
  void shouldNameTheAllowedTypesForAnUnknownName() {
    assertThatThrownBy(() -> QueryType.named("zones"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown query type 'zones', expected one of nearby,rides,");
  }

  @Test
  void shouldDocumentEveryTypeInTheQueryGuide() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "queries.md"));

    for (String name : QueryType.names()) {
      assertThat(guide).as("docs/queries.md").contains("\"type\": \"" + name + "\"");
    }
  }
}
