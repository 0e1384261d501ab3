package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A per-type table answers by the request's record and names the types it lacks. */
class ByTypeTest {

  private static ByType<String> allButFare() {
    return new ByType<String>("the test table")
        .on(NearbyCabsRequest.class, r -> "nearby k=" + r.k())
        .on(RideSearchRequest.class, r -> "rides")
        .on(HeatmapRequest.class, r -> "heatmap")
        .on(ZoneHeatmapRequest.class, r -> "zone-heatmap")
        .on(ZoneFareRequest.class, r -> "zone-fare")
        .on(ZoneRideSearchRequest.class, r -> "zone-rides");
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
