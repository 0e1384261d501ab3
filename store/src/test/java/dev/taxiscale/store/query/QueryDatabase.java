package dev.taxiscale.store.query;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.TripCopyWriter;
import dev.taxiscale.store.TripHours;
import dev.taxiscale.store.ZoneHours;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's migrated database holding fixture trips and their sums, loaded as a writer would.
 *
 * <pre>{@code @RegisterExtension static final QueryDatabase db = QueryDatabase.withFixtureTrips();}
 * </pre>
 */
final class QueryDatabase implements BeforeAllCallback, AfterAllCallback {

  static final long SEED = 20150114;
  static final int TRIPS = 4_000;

  private final MigratedPostgres postgres = MigratedPostgres.asApplication();
  private final Supplier<List<Trip>> trips;
  private List<StoredTrip> stored;

  private QueryDatabase(Supplier<List<Trip>> trips) {
    this.trips = trips;
  }

  /** The standard fixture: {@value #TRIPS} trips drawn with seed {@value #SEED}. */
  static QueryDatabase withFixtureTrips() {
    return holding(() -> FixtureTrips.generate(SEED, TRIPS));
  }

  /** A database holding the trips {@code trips} gives when the class starts. */
  static QueryDatabase holding(Supplier<List<Trip>> trips) {
    return new QueryDatabase(trips);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres.beforeAll(context);
    load(trips.get());
    stored = List.copyOf(StoredTrip.readAll(postgres.dataSource()));
  }

  /** Copies the trips, fills the sums of each of their files and vacuums, as a writer does. */
  private void load(List<Trip> trips) throws SQLException {
    try (Connection c = postgres.dataSource().getConnection()) {
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
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    postgres.afterAll(context);
  }

  DataSource dataSource() {
    return postgres.dataSource();
  }

  /** Every fixture row as stored, for brute-force answers. */
  List<StoredTrip> trips() {
    return stored;
  }
}
