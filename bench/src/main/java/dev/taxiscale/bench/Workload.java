package dev.taxiscale.bench;

import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.Sampler;
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

  /** The stream for one query name, drawn with {@link QueryType#draw}. */
  Supplier<QueryRequest> stream(String type) {
    QueryType queryType = QueryType.named(type);
    return () -> queryType.draw(sampler);
  }

  /** Places around busy ones, trips to them or to an airport, any minute of the loaded month. */
  private final Sampler sampler =
      new Sampler() {
        @Override
        public GeoPoint place(double spreadMeters) {
          return near(busy(), spreadMeters);
        }

        @Override
        public Leg leg(double spreadMeters) {
          // the destination is drawn first: changing the order would change every seed's requests
          GeoPoint to =
              switch (random.nextInt(4)) {
                case 0 -> JFK;
                case 1 -> LAGUARDIA;
                default -> busy();
              };
          GeoPoint from = near(busy(), spreadMeters);
          return new Leg(from, near(to, spreadMeters));
        }

        @Override
        public LocalDateTime minute(int spanMinutes) {
          return anyMinute();
        }

        @Override
        public double fraction() {
          return random.nextDouble();
        }
      };

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
