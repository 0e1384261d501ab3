package dev.taxiscale.store.query;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.store.TripCopyWriter;
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

  private QueryDatabase(EmbeddedDatabase server, Database database) throws SQLException {
    this.server = server;
    this.database = database;
    List<Trip> trips = FixtureTrips.generate(SEED, TRIPS);
    try (Connection c = database.dataSource().getConnection()) {
      TripCopyWriter.copy(c, trips.iterator());
      try (Statement s = c.createStatement()) {
        // statistics and visibility as after a real load, so plans match production
        s.execute("VACUUM ANALYZE trips");
      }
    }
    this.stored = List.copyOf(StoredTrip.readAll(database.dataSource()));
  }

  static QueryDatabase start() throws IOException, SQLException {
    EmbeddedDatabase server = EmbeddedDatabase.startEphemeral();
    try {
      return new QueryDatabase(server, Database.open(server.config()));
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
