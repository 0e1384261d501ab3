package dev.taxiscale.store.query;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.store.TripCopyWriter;
import dev.taxiscale.store.TripHours;
import dev.taxiscale.store.ZoneHours;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** An ephemeral, migrated PostgreSQL holding the fixture trips, for one test class. */
final class QueryDatabase implements AutoCloseable {

  static final long SEED = 20150114;
  static final int TRIPS = 4_000;

  private final EmbeddedDatabase server;
  private final Database database;
  private final List<StoredTrip> stored;

  private QueryDatabase(EmbeddedDatabase server, Database database, List<Trip> trips)
      throws SQLException {
    this.server = server;
    this.database = database;
    try (Connection c = database.dataSource().getConnection()) {
      TripCopyWriter.copy(c, trips.iterator());
      for (int fileId : trips.stream().mapToInt(Trip::fileId).distinct().toArray()) {
        TripHours.fill(c, fileId);
        ZoneHours.fill(c, fileId);
      }
      try (Statement s = c.createStatement()) {
        // statistics and visibility as after a real load, so plans match production
        s.execute("VACUUM ANALYZE trips, trip_hours, zone_hours");
      }
    }
    this.stored = List.copyOf(StoredTrip.readAll(database.dataSource()));
  }

  static QueryDatabase start() throws IOException, SQLException {
    return start(FixtureTrips.generate(SEED, TRIPS));
  }

  /** A database holding these trips and their hourly sums, loaded as a writer would. */
  static QueryDatabase start(List<Trip> trips) throws IOException, SQLException {
    EmbeddedDatabase server = EmbeddedDatabase.startEphemeral();
    try {
      return new QueryDatabase(server, Database.open(server.config()), trips);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  DataSource dataSource() {
    return database.dataSource();
  }

  /** Every fixture row as stored, for brute-force answers. */
  List<StoredTrip> trips() {
    return stored;
  }

  @Override
  public void close() throws IOException {
    database.close();
    server.close();
  }
}
