package dev.taxiscale.bench;

import dev.taxiscale.core.geo.Projection;
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
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Deterministic request streams shaped like the benchmark targets: where riders ask is drawn around
 * busy places (so answers are not empty), when is any minute of the loaded month.
 */
final class Workload {

  /** Places with many pickups and drop-offs in the generated data. */
  private static final List<GeoPoint> BUSY =
      List.of(
          new GeoPoint(-73.9855, 40.7580), // Midtown
          new GeoPoint(-73.9935, 40.7506), // Penn Station
          new GeoPoint(-73.9772, 40.7527), // Grand Central
          new GeoPoint(-74.0090, 40.7075), // Financial District
          new GeoPoint(-74.0005, 40.7440), // Chelsea
          new GeoPoint(-73.9850, 40.7265), // East Village
          new GeoPoint(-73.9590, 40.7736), // Upper East Side
          new GeoPoint(-73.9754, 40.7870)); // Upper West Side

  private static final GeoPoint JFK = new GeoPoint(-73.7781, 40.6413);
  private static final GeoPoint LAGUARDIA = new GeoPoint(-73.8740, 40.7769);

  private final Random random;

  Workload(long seed) {
    this.random = new Random(seed);
  }

  /** The stream for one query name: nearby, rides, heatmap or fare. */
  Supplier<QueryRequest> stream(String type) {
    return switch (QueryType.named(type)) {
      case NEARBY -> this::nearby;
      case RIDES -> this::rides;
      case HEATMAP -> this::heatmap;
      case FARE -> this::fare;
    };
  }

  /** The 10 cabs freed nearest a rider in the last 15 minutes. */
  QueryRequest nearby() {
    return NearbyCabsRequest.nearest(near(busy(), 400), anyMinute(), 10);
  }

  /** Count plus the first 100 pickups in a 1-4 km box over one hour. */
  QueryRequest rides() {
    double side = 1_000 + random.nextDouble() * 3_000;
    LocalDateTime from = anyMinute();
    return RideSearchRequest.pickupsIn(
        BoundingBox.around(near(busy(), 500), side, side),
        new TimeWindow(from, from.plusHours(1)),
        100);
  }

  /** A 6 km map view over six hours at the default resolution. */
  QueryRequest heatmap() {
    LocalDateTime from = anyMinute().withMinute(0);
    return new HeatmapRequest(
        BoundingBox.around(near(busy(), 1_000), 6_000, 6_000),
        new TimeWindow(from, from.plusHours(6)),
        null,
        null);
  }

  /** A ride between two busy places, or to an airport, at the default radius. */
  QueryRequest fare() {
    GeoPoint to =
        switch (random.nextInt(4)) {
          case 0 -> JFK;
          case 1 -> LAGUARDIA;
          default -> busy();
        };
    return FareEstimateRequest.between(near(busy(), 200), near(to, 200), anyMinute());
  }

  private GeoPoint busy() {
    return BUSY.get(random.nextInt(BUSY.size()));
  }

  private GeoPoint near(GeoPoint center, double sigmaMeters) {
    return new GeoPoint(
        Projection.lon(center.x() + random.nextGaussian() * sigmaMeters),
        Projection.lat(center.y() + random.nextGaussian() * sigmaMeters));
  }

  private LocalDateTime anyMinute() {
    return BenchData.FIRST_DAY
        .atStartOfDay()
        .plusMinutes(60 + random.nextInt((BenchData.DAYS - 1) * 24 * 60));
  }
}
