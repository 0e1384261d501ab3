package dev.taxiscale.bench;

import dev.taxiscale.core.geo.Landmark;
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
          Landmark.TIMES_SQUARE.point(),
          Landmark.PENN_STATION.point(),
          Landmark.GRAND_CENTRAL.point(),
          Landmark.WALL_STREET.point(),
          Landmark.CHELSEA.point(),
          Landmark.EAST_VILLAGE.point(),
          Landmark.UPPER_EAST_SIDE.point(),
          Landmark.UPPER_WEST_SIDE.point());

  private static final GeoPoint JFK = Landmark.JFK.point();
  private static final GeoPoint LAGUARDIA = Landmark.LAGUARDIA.point();

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
