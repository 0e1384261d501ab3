package dev.taxiscale.gateway;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.TripCopyWriter;
import dev.taxiscale.store.TripHours;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Yellow-cab trips around a few Manhattan places during one January week, from a fixed seed: the
 * same count always gives the same rows.
 */
final class SyntheticTrips {
  static final LocalDateTime WEEK_START = LocalDateTime.of(2015, 1, 12, 0, 0);
  static final int WEEK_MINUTES = 7 * 24 * 60;
  static final List<GeoPoint> PLACES =
      List.of(
          Landmark.TIMES_SQUARE.point(),
          Landmark.PENN_STATION.point(),
          Landmark.GRAND_CENTRAL.point(),
          Landmark.UNION_SQUARE.point(),
          Landmark.WALL_STREET.point());
  private static final double DEGREES_PER_KM = 1 / 111.0;

  private SyntheticTrips() {}

  /**
   * Copies {@code count} trips and their hourly sums into the database and refreshes the planner's
   * statistics.
   */
  static void load(DataSource dataSource, int count, long seed) throws SQLException {
    Random random = new Random(seed);
    Iterator<Trip> trips = LongStream.range(0, count).mapToObj(i -> trip(i, random)).iterator();
    try (Connection connection = dataSource.getConnection()) {
      TripCopyWriter.copy(connection, trips);
      TripHours.fill(connection, 1);
      try (Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE trips, trip_hours");
      }
    }
  }

  private static Trip trip(long i, Random random) {
    GeoPoint from = near(PLACES.get(random.nextInt(PLACES.size())), random);
    GeoPoint to = near(PLACES.get(random.nextInt(PLACES.size())), random);
    LocalDateTime pickup = WEEK_START.plusSeconds(random.nextInt(WEEK_MINUTES * 60));
    int minutes = 3 + random.nextInt(25);
    double miles = 0.5 + random.nextDouble() * 4;
    double fare = 2.5 + miles * 2.5;
    return new Trip(
        Trip.idOf(1, i + 1),
        1,
        Source.YELLOW,
        "VTS",
        pickup,
        pickup.plusMinutes(minutes),
        from.lon(),
        from.lat(),
        to.lon(),
        to.lat(),
        1 + random.nextInt(3),
        miles,
        fare,
        fare + 1.5,
        "card",
        1);
  }

  /** A point about a kilometer around {@code center}. */
  static GeoPoint near(GeoPoint center, Random random) {
    return new GeoPoint(
        center.lon() + random.nextGaussian() * DEGREES_PER_KM * 1.3,
        center.lat() + random.nextGaussian() * DEGREES_PER_KM);
  }
}
