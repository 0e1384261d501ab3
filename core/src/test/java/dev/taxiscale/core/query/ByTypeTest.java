package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A per-type table answers by the request's record and names the types it lacks. */
class ByTypeTest {

  /** Handles nearby, declares every other type but fare without: whatever types are registered. */
  private static ByType<String> allButFare() {
    ByType<String> table =
        new ByType<String>("the test table").on(NearbyCabsRequest.class, r -> "nearby k=" + r.k());
    for (QueryType type : QueryType.values()) {
      if (type != QueryType.NEARBY && type != QueryType.FARE) {
        table.without(type);
      }
    }
    return table;
  }

  @Test
  void shouldAnswerWithTheHandlerOfTheRequestsType() {
    QueryRequest nearby = QueryType.NEARBY.draw(QueryTypeTest.AT_PENN_STATION);

    assertThat(allButFare().apply(nearby)).isEqualTo("nearby k=10");
  }

  @Test
  void shouldNameTheTypesATableLacks() {
    assertThatThrownBy(() -> allButFare().complete())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the test table has nothing for query type fare:");
  }

  @Test
  void shouldSayWhereTheLineForALackingTypeGoes() {
    ByType<String> table = new ByType<>("the test table", "add it to Tests.TYPES");
    for (QueryType type : QueryType.values()) {
      if (type != QueryType.FARE) {
        table.without(type);
      }
    }

    assertThatThrownBy(table::complete)
        .hasMessage("the test table has nothing for query type fare: add it to Tests.TYPES");
  }

  @Test
  void shouldAcceptATypeDeclaredWithout() {
    ByType<String> table = allButFare().without(QueryType.FARE).complete();

    assertThat(table.find(QueryType.FARE.draw(QueryTypeTest.AT_PENN_STATION))).isEmpty();
  }

  @Test
  void shouldRefuseToAnswerATypeItHasNoHandlerFor() {
    QueryRequest fare = QueryType.FARE.draw(QueryTypeTest.AT_PENN_STATION);

    assertThatThrownBy(() -> allButFare().apply(fare))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the test table cannot answer a fare query");
  }
}
