package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TripCopyWriterIntegrationTest {
  private static MigratedDatabase db;

  @BeforeAll
  static void startDatabase() throws Exception {
    db = MigratedDatabase.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void emptyTrips() throws Exception {
    db.execute("TRUNCATE trips");
  }

  private static long copy(List<dev.taxiscale.core.trip.Trip> trips) throws Exception {
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
}
