package dev.taxiscale.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** A pooled connection to the taxiscale database, migrated to the latest schema on open. */
public final class Database implements AutoCloseable {
  /** Where Flyway finds the schema, {@code V1__trips.sql} onwards. */
  public static final String MIGRATIONS = "classpath:db/migration";

  /** Ingest and migrations wait this long for a connection when the pool is busy. */
  static final long BULK_CONNECTION_TIMEOUT_MS = 5_000;

  /** Queries wait no longer than this, well inside the gateway's timeout. */
  static final long QUERY_CONNECTION_TIMEOUT_MS = 750;

  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Connects and migrates.
   *
   * @throws DatabaseUnavailableException when the server cannot be reached or refuses the login
   */
  public static Database open(DbConfig config) {
    return open(config, BULK_CONNECTION_TIMEOUT_MS);
  }

  /**
   * Connects and migrates, for answering queries: a query waits at most {@value
   * #QUERY_CONNECTION_TIMEOUT_MS} ms for a connection, so that while the server is unreachable the
   * requester gets a quick 503 instead of a gateway timeout.
   */
  public static Database openForQueries(DbConfig config) {
    return open(config, QUERY_CONNECTION_TIMEOUT_MS);
  }

  private static Database open(DbConfig config, long connectionTimeoutMs) {
    if (config.embedded()) {
      throw new IllegalArgumentException("no JDBC URL: start an EmbeddedDatabase and use its url");
    }
    HikariDataSource dataSource = connect(config, connectionTimeoutMs);
    try {
      // a read replica is read-only and gets its schema from the primary's WAL
      if (!isReplica(dataSource)) {
        migrate(dataSource);
      }
      return new Database(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Applies pending migrations to any data source. */
  public static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      if (firstSqlException(e) instanceof SQLException sql && isConnectionFailure(sql)) {
        throw unavailable(sql);
      }
      throw e;
    }
  }

  /** Whether the server is a hot standby, which answers reads and refuses every write. */
  static boolean isReplica(DataSource dataSource) {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
      return rs.next() && rs.getBoolean(1);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static HikariDataSource connect(DbConfig config, long connectionTimeoutMs) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setPoolName("taxiscale");
    // fail at once rather than retrying: the caller reports one line and exits
    hikari.setInitializationFailTimeout(1);
    hikari.setConnectionTimeout(connectionTimeoutMs);
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw unavailable(firstSqlException(e));
    }
  }

  /** A one-line exception naming the failure, e.g. "Connection to localhost:5432 refused". */
  static DatabaseUnavailableException unavailable(Throwable cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return new DatabaseUnavailableException(
        "database unavailable: " + message.lines().findFirst().orElse(message), cause);
  }

  /** SQLSTATE class 08 (connection exception) or 57P (operator intervention, e.g. shutdown). */
  public static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /** The driver's exception carries the useful message; wrappers add only their own names. */
  private static Throwable firstSqlException(Throwable e) {
    Throwable cause = e;
    while (!(cause instanceof SQLException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof SQLException ? cause : e;
  }
}
