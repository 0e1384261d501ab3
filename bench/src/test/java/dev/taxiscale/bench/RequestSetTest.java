package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
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
      INSIDE_THE_DATA.apply(request);
    }
  }

  /** Checks each type's points and times against the data bounds. */
  private static final ByType<Void> INSIDE_THE_DATA =
      new ByType<Void>("the bounds check")
          .on(
              NearbyCabsRequest.class,
              n -> {
                assertInside(n.point());
                assertInTime(n.time());
                return null;
              })
          .on(
              RideSearchRequest.class,
              r -> {
                assertInside(center(r.pickupBox()));
                assertInTime(r.window().from());
                assertInTime(r.window().to());
                return null;
              })
          .on(
              HeatmapRequest.class,
              h -> {
                assertInside(center(h.box()));
                assertInTime(h.window().from());
                assertInTime(h.window().to());
                return null;
              })
          .on(
              FareEstimateRequest.class,
              f -> {
                assertInside(f.from());
                assertInside(f.to());
                assertInTime(f.time());
                return null;
              })
          .on(
              ZoneHeatmapRequest.class,
              z -> {
                assertInTime(z.window().from());
                return null;
              })
          .on(
              ZoneFareRequest.class,
              z -> {
                assertInTime(z.time());
                return null;
              })
          .on(
              ZoneRideSearchRequest.class,
              z -> {
                assertInTime(z.window().from());
                assertInTime(z.window().to());
                return null;
              });

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
