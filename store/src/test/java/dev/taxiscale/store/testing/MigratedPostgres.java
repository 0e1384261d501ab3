package dev.taxiscale.store.testing;

import dev.taxiscale.store.Database;
import dev.taxiscale.store.DbConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own freshly migrated database on one embedded PostgreSQL server shared by
 * the whole test JVM (started on first use, stopped when the run ends). A class may register more
 * than one, e.g. to compare two loads.
 *
 * <pre>{@code @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();}
 * </pre>
 */
public final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MigratedPostgres.class);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final boolean asApplication;
  private SharedServer server;
  private String databaseName;
  private Database database;

  /** A database the superuser owns and reaches, for tests that also administer the server. */
  public MigratedPostgres() {
    this(false);
  }

  private MigratedPostgres(boolean asApplication) {
    this.asApplication = asApplication;
  }

  /**
   * A database the application role owns, migrates and reaches, as in production: for the store's
   * own tests, which prove that the role needs no superuser rights.
   */
  public static MigratedPostgres asApplication() {
    return new MigratedPostgres(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent("server", key -> SharedServer.start(), SharedServer.class);
    databaseName =
        "t"
            + DATABASES.incrementAndGet()
            + "_"
            + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    server.createDatabase(databaseName, asApplication);
    database = Database.open(config());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (database != null) {
      database.close();
    }
    server.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
  }

  /** Pooled connections to this class's database. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** Reaches this class's database, e.g. for code that opens its own pool. */
  public DbConfig config() {
    return asApplication ? server.applicationConfig(databaseName) : server.config(databaseName);
  }

  /** Runs {@code sql} as the superuser, for what the application role may not do. */
  public void executeAsAdmin(String sql) throws SQLException {
    server.execute(sql);
  }

  public String jdbcUrl() {
    return config().jdbcUrl();
  }

  /**
   * Empties the trips, their sums and the ingest registry, so each test starts from a blank load.
   */
  public void truncateAll() throws SQLException {
    execute("TRUNCATE trips, trip_hours, zone_hours, ingest_files RESTART IDENTITY CASCADE");
  }

  public void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row, e.g. of a {@code count(*)}. */
  public long queryLong(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row from: " + sql);
      }
      return rs.getLong(1);
    }
  }

  /** The first column of the first row as text, or null when there is no row. */
  public String queryString(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
