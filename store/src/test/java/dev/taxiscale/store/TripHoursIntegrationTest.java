package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TripHoursIntegrationTest {

  private static final int FILE_ID = 3;
  private static final int OTHER_FILE_ID = 4;

  private static final String ROWS =
      "SELECT "
          + TripHours.COLUMNS
          + " FROM trip_hours ORDER BY file_id, hour, square_x, square_y,"
          + " source";

  @RegisterExtension static final MigratedPostgres db = MigratedPostgres.asApplication();

  @BeforeEach
  void empty() throws SQLException {
    db.execute("TRUNCATE trips, trip_hours, ingest_files RESTART IDENTITY");
  }

  @Test
  void shouldSumInJavaExactlyWhatTheSqlFillSums() throws SQLException {
    List<Trip> trips = mixedTrips(FILE_ID, 3_000, 5);
    copy(db.dataSource(), trips);

    List<String> fromJava = sumsCopiedFromJava(FILE_ID, trips);
    db.execute("DELETE FROM trip_hours");
    fill(FILE_ID);

    assertThat(rows(db.dataSource())).isEqualTo(fromJava).hasSizeGreaterThan(100);
  }

  @Test
  void shouldWriteOneRowPerSquareHourAndSource() throws SQLException {
    copy(db.dataSource(), mixedTrips(FILE_ID, 3_000, 6));
    fill(FILE_ID);

    assertThat(
            db.queryLong(
                "SELECT count(*) FROM (SELECT DISTINCT hour, square_x, square_y, source"
                    + " FROM trip_hours) k"))
        .isEqualTo(db.queryLong("SELECT count(*) FROM trip_hours"));
    assertThat(db.queryLong("SELECT sum(trips) FROM trip_hours")).isEqualTo(3_000);
  }

  @Test
  void shouldDeleteAFilesSumsWithItsTripsWhenTheFileIsLoadedAgain() throws SQLException {
    IngestFiles registry = new IngestFiles(db.dataSource());
    int fileId;
    int otherId;
    try (FileClaim a = registry.claim("a.csv", "fp-a", "YELLOW_2015", "local");
        FileClaim b = registry.claim("b.csv", "fp-b", "YELLOW_2015", "local")) {
      fileId = a.fileId();
      otherId = b.fileId();
    }
    copy(db.dataSource(), mixedTrips(fileId, 500, 7));
    copy(db.dataSource(), mixedTrips(otherId, 500, 8));
    fill(fileId);
    fill(otherId);
    long otherRows = db.queryLong("SELECT count(*) FROM trip_hours WHERE file_id = " + otherId);

    registry.claim("a.csv", "fp-a", "YELLOW_2015", "local").close();

    assertThat(db.queryLong("SELECT count(*) FROM trip_hours WHERE file_id = " + fileId)).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM trip_hours")).isEqualTo(otherRows);
  }

  @Test
  void shouldBackfillTheSumsOfTripsLoadedBeforeTheRollupExisted() throws Exception {
    List<Trip> trips = mixedTrips(FILE_ID, 2_000, 9);
    trips.addAll(mixedTrips(OTHER_FILE_ID, 1_000, 10));
    DbConfig app = db.config();
    db.executeAsAdmin("CREATE DATABASE before_rollup OWNER \"" + app.user() + "\"");
    String url = app.jdbcUrl().substring(0, app.jdbcUrl().lastIndexOf('/') + 1) + "before_rollup";
    try (HikariDataSource old = new HikariDataSource()) {
      old.setJdbcUrl(url);
      old.setUsername(app.user());
      old.setPassword(app.password());
      Flyway.configure()
          .dataSource(old)
          .locations(Database.MIGRATIONS)
          .target("2")
          .load()
          .migrate();
      copyIntoEarlySchema(old, trips);

      Database.migrate(old);

      List<String> expected = sumsCopiedFromJava(FILE_ID, mixedTrips(FILE_ID, 2_000, 9));
      expected.addAll(sumsCopiedFromJava(OTHER_FILE_ID, mixedTrips(OTHER_FILE_ID, 1_000, 10)));
      assertThat(rows(old)).isEqualTo(expected);
    } finally {
      db.executeAsAdmin("DROP DATABASE IF EXISTS before_rollup WITH (FORCE)");
    }
  }

  /** Sums a file's trips with {@link HourlySums}, copies them and reads them back. */
  private static List<String> sumsCopiedFromJava(int fileId, List<Trip> trips) throws SQLException {
    HourlySums sums = new HourlySums();
    trips.forEach(sums::add);
    db.execute("DELETE FROM trip_hours");
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(TripHours.copy(c, fileId, sums)).isEqualTo(sums.size());
    }
    List<String> rows = rows(db.dataSource());
    db.execute("DELETE FROM trip_hours");
    return rows;
  }

  private static void fill(int fileId) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      TripHours.fill(c, fileId);
    }
  }

  /**
   * Copies trips into the schema of the first migrations, which lacks the zone columns the encoder
   * writes: they are added for the copy and dropped again, as a later migration adds them.
   */
  private static void copyIntoEarlySchema(DataSource dataSource, List<Trip> trips)
      throws SQLException {
    String zones = "pickup_zone smallint, dropoff_zone smallint, precision text";
    execute(dataSource, "ALTER TABLE trips ADD COLUMN " + zones.replace(", ", ", ADD COLUMN "));
    copy(dataSource, trips);
    execute(
        dataSource,
        "ALTER TABLE trips DROP COLUMN pickup_zone, DROP COLUMN dropoff_zone, DROP COLUMN precision");
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void copy(DataSource dataSource, List<Trip> trips) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      TripCopyWriter.copy(c, trips.iterator());
    }
  }

  private static List<String> rows(DataSource dataSource) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(ROWS)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append(i < columns ? "," : "");
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /**
   * Trips on both sides of the projection's origin over a few hours, with the awkward values:
   * half-cent and float-inexact fares, fares or distances absent, FHV pickups without drop-off,
   * pickups on the hour and a second before it.
   */
  private static List<Trip> mixedTrips(int fileId, int count, long seed) {
    Random random = new Random(seed);
    double[] fares = {2.5, 0.125, 2.675, 12.345, 52.0, 7.05, Double.NaN};
    double[] miles = {0.01, 1.005, 2.675, 17.3, Double.NaN};
    LocalDateTime start = LocalDateTime.of(2015, 1, 14, 8, 0);
    List<Trip> trips = new ArrayList<>(count);
    for (int line = 1; line <= count; line++) {
      double x = random.nextGaussian() * 2_000;
      double y = random.nextGaussian() * 2_000;
      LocalDateTime pickupAt =
          random.nextInt(10) == 0
              ? start.plusHours(random.nextInt(5)).minusSeconds(random.nextInt(2))
              : start.plusSeconds(random.nextInt(5 * 3600));
      Source source = Source.values()[random.nextInt(3)];
      boolean fhv = source == Source.FHV;
      trips.add(
          new Trip(
              Trip.idOf(fileId, line),
              fileId,
              source,
              "VTS",
              pickupAt,
              fhv ? null : pickupAt.plusSeconds(60 + random.nextInt(3_000)),
              Projection.lon(x),
              Projection.lat(y),
              fhv ? Double.NaN : Projection.lon(-x),
              fhv ? Double.NaN : Projection.lat(-y),
              null,
              fhv ? Double.NaN : miles[random.nextInt(miles.length)],
              fhv ? Double.NaN : fares[random.nextInt(fares.length)],
              Double.NaN,
              null,
              null));
    }
    return trips;
  }
}
