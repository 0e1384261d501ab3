package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The registry holds every request and result type, and each one is documented. */
class QueryTypeTest {

  @Test
  void shouldRegisterEveryPermittedRequestClass() {
    assertThat(Arrays.stream(QueryType.values()).<Class<?>>map(QueryType::requestClass))
        .as("request classes registered in QueryType")
        .containsExactlyInAnyOrder(QueryRequest.class.getPermittedSubclasses());
  }

  @Test
  void shouldRegisterEveryPermittedResultClass() {
    assertThat(Arrays.stream(QueryType.values()).<Class<?>>map(QueryType::resultClass))
        .as("result classes registered in QueryType")
        .containsExactlyInAnyOrder(QueryResult.class.getPermittedSubclasses());
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
