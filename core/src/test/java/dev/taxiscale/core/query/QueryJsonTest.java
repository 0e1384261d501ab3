package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryJsonTest {

  private static final GeoPoint PENN_STATION = new GeoPoint(-73.9935, 40.7506);
  private static final GeoPoint JFK = new GeoPoint(-73.7781, 40.6413);
  private static final LocalDateTime MORNING_RUSH = LocalDateTime.of(2015, 1, 15, 8, 30);
  private static final TimeWindow RUSH_HOUR =
      new TimeWindow(MORNING_RUSH, MORNING_RUSH.plusHours(1));

  @Test
  void shouldRoundTripANearbyRequest() {
    QueryRequest request =
        new NearbyCabsRequest(PENN_STATION, MORNING_RUSH, 5, 800.0, 10, Set.of(Source.GREEN), 2);

    assertThat(QueryJson.readRequest(QueryJson.write(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripARideSearchWithACursor() {
    QueryRequest request =
        RideSearchRequest.pickupsIn(BoundingBox.around(PENN_STATION, 2_000, 2_000), RUSH_HOUR, 50)
            .after(new PageCursor(MORNING_RUSH.plusMinutes(3), 42));

    assertThat(QueryJson.readRequest(QueryJson.write(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripAHeatmapRequest() {
    QueryRequest request =
        new HeatmapRequest(BoundingBox.around(PENN_STATION, 6_000, 6_000), RUSH_HOUR, 9, null);

    assertThat(QueryJson.readRequest(QueryJson.write(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripAFareRequest() {
    QueryRequest request = FareEstimateRequest.between(PENN_STATION, JFK, MORNING_RUSH);

    assertThat(QueryJson.readRequest(QueryJson.writeBytes(request))).isEqualTo(request);
  }

  @Test
  void shouldWriteTheTypeAndLowercaseSources() {
    String json = QueryJson.write(NearbyCabsRequest.nearest(PENN_STATION, MORNING_RUSH, 3));

    assertThat(json)
        .contains("\"type\":\"nearby\"")
        .contains("\"sources\":[\"yellow\",\"green\",\"fhv\"]")
        .contains("\"time\":\"2015-01-15T08:30:00\"");
  }

  @Test
  void shouldRoundTripAResult() {
    QueryResult result =
        new FareEstimateResult(
            true,
            120,
            20,
            300,
            new Spread(40, 52.5, 61),
            new Spread(35, 48, 70),
            "median $52.50",
            null,
            List.of());

    assertThat(QueryJson.readResult(QueryJson.write(result))).isEqualTo(result);
  }

  @Test
  void shouldReadTheDocumentedNearbyExample() {
    QueryRequest request =
        QueryJson.readRequest(
            """
            {"type": "nearby", "point": {"lon": -73.9935, "lat": 40.7506},
             "time": "2015-01-15T08:30:00", "k": 5, "sources": ["yellow"]}
            """);

    assertThat(request)
        .isEqualTo(
            new NearbyCabsRequest(
                PENN_STATION, MORNING_RUSH, 5, null, 15, Set.of(Source.YELLOW), null));
  }
}
