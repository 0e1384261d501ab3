package dev.taxiscale.bench;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A fixed list of distinct requests drawn with a seed inside the data's bounds: the same seed and
 * bounds always give the same list, so every path answers exactly the same questions.
 */
public record RequestSet(long seed, List<QueryRequest> requests) {

  /** Every query type, drawn in turn. */
  public static final List<String> ALL_TYPES = QueryType.names();

  public RequestSet {
    requests = List.copyOf(requests);
  }

  /**
   * {@code size} distinct requests cycling through {@code types}.
   *
   * @throws IllegalArgumentException for a size below 1 or an unknown type
   */
  public static RequestSet draw(DataBounds bounds, long seed, int size, List<String> types) {
    if (size < 1) {
      throw new IllegalArgumentException("request count must be at least 1, got " + size);
    }
    for (String type : types) {
      if (!ALL_TYPES.contains(type)) {
        throw new IllegalArgumentException(
            "unknown query type '" + type + "', expected one of " + String.join(",", ALL_TYPES));
      }
    }
    Drawer drawer = new Drawer(bounds, new Random(seed));
    Set<QueryRequest> distinct = new LinkedHashSet<>();
    for (int i = 0; distinct.size() < size; i++) {
      distinct.add(drawer.draw(types.get(i % types.size())));
    }
    return new RequestSet(seed, new ArrayList<>(distinct));
  }

  public int size() {
    return requests.size();
  }

  /** Draws single requests of a given type; sizes follow the documented limits of each query. */
  private record Drawer(DataBounds bounds, Random random) {

    QueryRequest draw(String type) {
      return switch (QueryType.named(type)) {
        case NEARBY -> NearbyCabsRequest.nearest(point(), minute(0), 10);
        case RIDES -> rides();
        case HEATMAP -> heatmap();
        case FARE -> FareEstimateRequest.between(point(), point(), minute(0));
      };
    }

    /** A 1-4 km box over one hour, first page of 100. */
    private QueryRequest rides() {
      double side = 1_000 + random.nextDouble() * 3_000;
      LocalDateTime from = minute(60);
      return RideSearchRequest.pickupsIn(
          BoundingBox.around(point(), side, side), new TimeWindow(from, from.plusHours(1)), 100);
    }

    /** A 6 km map view over six hours at the default resolution. */
    private QueryRequest heatmap() {
      LocalDateTime from = minute(6 * 60).truncatedTo(ChronoUnit.HOURS);
      return new HeatmapRequest(
          BoundingBox.around(point(), 6_000, 6_000),
          new TimeWindow(from, from.plusHours(6)),
          null,
          null);
    }

    private GeoPoint point() {
      return new GeoPoint(
          between(bounds.west(), bounds.east()), between(bounds.south(), bounds.north()));
    }

    private double between(double low, double high) {
      return low + random.nextDouble() * (high - low);
    }

    /** A whole minute in the data's time range that leaves {@code spanMinutes} before its end. */
    private LocalDateTime minute(int spanMinutes) {
      LocalDateTime first = bounds.firstPickup().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      long minutes = ChronoUnit.MINUTES.between(first, bounds.lastPickup()) - spanMinutes;
      return first.plusMinutes(minutes <= 0 ? 0 : (long) (random.nextDouble() * minutes));
    }
  }
}
