package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestSetTest {
  /** Midtown to Lower Manhattan, over January 2015. */
  static final DataBounds MANHATTAN_JANUARY =
      new DataBounds(
          -74.02,
          40.70,
          -73.93,
          40.80,
          LocalDateTime.of(2015, 1, 1, 0, 0),
          LocalDateTime.of(2015, 1, 31, 23, 59),
          20_000);

  /** A local date-time as the request JSON writes it. */
  private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+");

  @Test
  void theSameSeedDrawsTheSameRequests() {
    assertThat(RequestSet.draw(MANHATTAN_JANUARY, 7, 100, RequestSet.ALL_TYPES))
        .isEqualTo(RequestSet.draw(MANHATTAN_JANUARY, 7, 100, RequestSet.ALL_TYPES));
  }

  @Test
  void anotherSeedDrawsOtherRequests() {
    assertThat(RequestSet.draw(MANHATTAN_JANUARY, 7, 100, RequestSet.ALL_TYPES).requests())
        .isNotEqualTo(RequestSet.draw(MANHATTAN_JANUARY, 8, 100, RequestSet.ALL_TYPES).requests());
  }

  @Test
  void theDefaultSetHoldsOneHundredDistinctRequestsOfAllFourTypes() {
    List<QueryRequest> requests =
        RequestSet.draw(MANHATTAN_JANUARY, 42, 100, RequestSet.ALL_TYPES).requests();

    assertThat(new HashSet<>(requests)).hasSize(100);
    assertThat(requests.stream().map(QueryRequest::type).distinct())
        .containsExactlyInAnyOrderElementsOf(RequestSet.ALL_TYPES);
  }

  @Test
  void aPerTypeSetHoldsOnlyThatType() {
    assertThat(RequestSet.draw(MANHATTAN_JANUARY, 1, 30, List.of("fare")).requests())
        .allSatisfy(r -> assertThat(r).isInstanceOf(FareEstimateRequest.class));
  }

  @Test
  void everyRequestFallsWithinTheDataBounds() {
    for (QueryRequest request :
        RequestSet.draw(MANHATTAN_JANUARY, 42, 400, RequestSet.ALL_TYPES).requests()) {
      assertThat(checkInside(QueryJson.toTree(request))).as(request.type()).isPositive();
    }
  }

  /**
   * Checks every point, box center and time of a request's JSON against the data bounds, whatever
   * its type: points are {@code lon}/{@code lat} pairs, boxes their four edges, times ISO strings.
   * Answers how many it checked.
   */
  private static int checkInside(JsonNode node) {
    int checked = 1;
    if (node.has("lon") && node.has("lat")) {
      assertInside(new GeoPoint(node.get("lon").asDouble(), node.get("lat").asDouble()));
    } else if (node.has("west") && node.has("north")) {
      assertInside(
          center(
              new BoundingBox(
                  node.get("west").asDouble(),
                  node.get("south").asDouble(),
                  node.get("east").asDouble(),
                  node.get("north").asDouble())));
    } else if (node.isTextual() && ISO_TIME.matcher(node.asText()).matches()) {
      assertInTime(LocalDateTime.parse(node.asText()));
    } else {
      checked = 0;
    }
    for (JsonNode child : node) {
      checked += checkInside(child);
    }
    return checked;
  }

  @Test
  void anUnknownTypeIsRejectedByName() {
    assertThatThrownBy(() -> RequestSet.draw(MANHATTAN_JANUARY, 1, 10, List.of("taxi")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'taxi'");
  }

  private static GeoPoint center(BoundingBox box) {
    return new GeoPoint((box.west() + box.east()) / 2, (box.south() + box.north()) / 2);
  }

  private static void assertInside(GeoPoint p) {
    assertThat(p.lon()).isBetween(MANHATTAN_JANUARY.west(), MANHATTAN_JANUARY.east());
    assertThat(p.lat()).isBetween(MANHATTAN_JANUARY.south(), MANHATTAN_JANUARY.north());
  }

  private static void assertInTime(LocalDateTime t) {
    assertThat(t).isBetween(MANHATTAN_JANUARY.firstPickup(), MANHATTAN_JANUARY.lastPickup());
  }

  @Test
  void shouldAskByDefaultOnlyWhatGeneratedTripsWithCoordinatesAnswer() {
    assertThat(RequestSet.DEFAULT_TYPES)
        .containsExactly("nearby", "rides", "heatmap", "fare")
        .allSatisfy(type -> assertThat(RequestSet.ALL_TYPES).contains(type));
  }
}
