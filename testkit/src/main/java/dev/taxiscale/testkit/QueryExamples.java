package dev.taxiscale.testkit;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.TimeWindow;
import java.time.LocalDateTime;

/** One valid request of each query type, around Penn Station on a January evening. */
public final class QueryExamples {
  private static final LocalDateTime JANUARY_EVENING = LocalDateTime.of(2014, 1, 9, 21, 0);
  private static final GeoPoint PENN_STATION = at(Place.PENN_STATION);
  private static final GeoPoint JFK = at(Place.JFK_TERMINAL_4);

  private QueryExamples() {}

  /** A request of {@code type} that passes validation. */
  public static QueryRequest of(QueryType type) {
    TimeWindow evening = new TimeWindow(JANUARY_EVENING, JANUARY_EVENING.plusHours(1));
    BoundingBox midtown = BoundingBox.around(PENN_STATION, 2_000, 2_000);
    return switch (type) {
      case NEARBY -> NearbyCabsRequest.nearest(PENN_STATION, JANUARY_EVENING, 5);
      case RIDES -> RideSearchRequest.pickupsIn(midtown, evening, 20);
      case HEATMAP -> new HeatmapRequest(midtown, evening, null, null);
      case FARE -> FareEstimateRequest.between(PENN_STATION, JFK, JANUARY_EVENING);
    };
  }

  private static GeoPoint at(Place place) {
    return new GeoPoint(place.lon(), place.lat());
  }
}
