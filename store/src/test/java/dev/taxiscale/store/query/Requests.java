package dev.taxiscale.store.query;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded request mixes over the fixture's places and days, for checks against a full scan. */
final class Requests {

  private Requests() {}

  static List<NearbyCabsRequest> nearby(long seed, int count) {
    Random random = new Random(seed);
    List<NearbyCabsRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Integer k = random.nextBoolean() ? 1 + random.nextInt(30) : null;
      Double radius = k == null || random.nextInt(3) == 0 ? 200.0 + random.nextInt(1500) : null;
      requests.add(
          new NearbyCabsRequest(
              nearPlace(random, 500),
              anyMinute(random),
              k,
              radius,
              5 + random.nextInt(56),
              random.nextInt(4) == 0 ? Set.of(Source.YELLOW) : null,
              random.nextInt(4) == 0 ? 2 : null));
    }
    return requests;
  }

  static List<RideSearchRequest> rides(long seed, int count) {
    Random random = new Random(seed);
    List<RideSearchRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LocalDateTime from = anyMinute(random);
      TimeWindow window = new TimeWindow(from, from.plusMinutes(30 + random.nextInt(600)));
      BoundingBox pickup = box(random);
      BoundingBox dropoff = random.nextInt(3) == 0 ? box(random) : null;
      requests.add(
          new RideSearchRequest(
              random.nextInt(4) == 0 && dropoff != null ? null : pickup,
              dropoff,
              window,
              random.nextInt(4) == 0 ? Set.of(Source.GREEN, Source.FHV) : null,
              random.nextInt(4) == 0 ? 3 : null,
              1 + random.nextInt(40),
              null));
    }
    return requests;
  }

  static GeoPoint nearPlace(Random random, double sigmaMeters) {
    Landmark place = FixtureTrips.PLACES.get(random.nextInt(FixtureTrips.PLACES.size()));
    return new GeoPoint(
        Projection.lon(Projection.x(place.lon()) + random.nextGaussian() * sigmaMeters),
        Projection.lat(Projection.y(place.lat()) + random.nextGaussian() * sigmaMeters));
  }

  static BoundingBox box(Random random) {
    return BoundingBox.around(
        nearPlace(random, 300), 500 + random.nextInt(3000), 500 + random.nextInt(3000));
  }

  static LocalDateTime anyMinute(Random random) {
    return FixtureTrips.FIRST_PICKUP.plusMinutes(random.nextInt(FixtureTrips.DAYS * 24 * 60));
  }
}
