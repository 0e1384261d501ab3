package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TripCopyWriterIntegrationTest {
  @RegisterExtension static final MigratedPostgres db = MigratedPostgres.asApplication();

  @BeforeEach
  void emptyTrips() throws Exception {
    db.execute("TRUNCATE trips");
  }

  private static long copy(List<Trip> trips) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      return TripCopyWriter.copy(c, trips.iterator());
    }
  }

  @Test
  void shouldReturnTheNumberOfRowsCopied() throws Exception {
    long copied =
        copy(
            List.of(
                Trips.pennStationToUnionSquare(1, 2),
                Trips.pennStationToUnionSquare(1, 3),
                Trips.uberPickupAtTimesSquare(1, 4)));

    assertThat(copied).isEqualTo(3);
  }

  @Test
  void shouldStoreEveryColumnOfAYellowTrip() throws Exception {
    copy(List.of(Trips.pennStationToUnionSquare(1, 2)));

    assertThat(
            db.queryString(
                "SELECT concat_ws('|', id, file_id, source, vendor, pickup_ts, dropoff_ts,"
                    + " pickup_lon, pickup_lat, dropoff_lon, dropoff_lat, passengers,"
                    + " distance_mi, fare, total, payment, rate_code) FROM trips"))
        .isEqualTo(
            "4294967298|1|yellow|CMT|2014-01-09 20:45:25|2014-01-09 20:52:31|-73.99477|40.750568"
                + "|-73.990526|40.735863|1|1.2|6.5|8.9|card|1");
  }

  @Test
  void shouldStoreProjectedPointsInMeters() throws Exception {
    copy(List.of(Trips.pennStationToUnionSquare(1, 2)));

    double meters =
        Double.parseDouble(db.queryString("SELECT pickup_xy <-> dropoff_xy FROM trips"));

    // Penn Station to Union Square is about 1.7 km as the crow flies
    assertThat(meters).isBetween(1600.0, 1800.0);
  }

  @Test
  void shouldStoreAbsentValuesOfAPickupOnlyTripAsNull() throws Exception {
    copy(List.of(Trips.uberPickupAtTimesSquare(1, 2)));

    assertThat(
            db.queryLong(
                "SELECT count(*) FROM trips WHERE dropoff_ts IS NULL AND dropoff_xy IS NULL"
                    + " AND fare IS NULL AND passengers IS NULL AND source = 'fhv'"))
        .isEqualTo(1);
  }

  @Test
  void shouldStoreNothingWhenClosedBeforeFinishing() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        TripCopyWriter writer = TripCopyWriter.open(c)) {
      writer.write(Trips.pennStationToUnionSquare(1, 2));
    }

    assertThat(db.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  @Test
  void shouldReadBackTimestampsToTheMicrosecondAndTextAsGiven() throws Exception {
    Trip trip = Trips.pennStationToUnionSquare(1, 2);
    copy(
        List.of(
            Trips.withVendor(
                Trips.withPickup(trip, LocalDateTime.of(2015, 3, 4, 5, 6, 7, 250_001_000)),
                "caf\u00e9\t\\N")));

    assertThat(db.queryString("SELECT pickup_ts::text || '|' || vendor FROM trips"))
        .isEqualTo("2015-03-04 05:06:07.250001|caf\u00e9\t\\N");
  }

  @Test
  void shouldReadBackEveryDoubleExactly() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    List<Trip> trips = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      double value = randomValue(random, i);
      values.add(value);
      trips.add(Trips.withPickupLon(Trips.pennStationToUnionSquare(1, i + 2), value));
    }
    copy(trips);

    List<Double> stored = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pickup_lon FROM trips ORDER BY id")) {
      while (rs.next()) {
        stored.add(rs.getDouble(1));
      }
    }
    assertThat(stored).containsExactlyElementsOf(values);
  }

  /**
   * Mixes short decimals, single-precision floats and arbitrary doubles, as the files do, within
   * NYC longitudes (the point and its cell are derived from them).
   */
  private static double randomValue(SplittableRandom random, int i) {
    return switch (i % 4) {
      case 0 -> Math.round(random.nextDouble(-74.3, -73.6) * 1e6) / 1e6;
      case 1 -> (double) (float) random.nextDouble(-74.3, -73.6);
      case 2 -> random.nextDouble(-74.3, -73.6);
      default -> -74 + random.nextDouble() * Math.pow(10, -random.nextInt(1, 12));
    };
  }
}
