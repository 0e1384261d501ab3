package dev.taxiscale.app;

import dev.taxiscale.store.Database;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** An open, migrated database: the external one configured, or the embedded one it started. */
final class DatabaseHandle implements AutoCloseable {
  private final EmbeddedDatabase embedded;
  private final Database database;
  private final DbConfig config;

  private DatabaseHandle(EmbeddedDatabase embedded, Database database, DbConfig config) {
    this.embedded = embedded;
    this.database = database;
    this.config = config;
  }

  static DatabaseHandle open(DatabaseOptions options) {
    DbConfig config = options.config();
    if (!config.embedded()) {
      return new DatabaseHandle(null, Database.open(config), config);
    }
    EmbeddedDatabase embedded = startEmbedded(options);
    try {
      DbConfig local = embedded.config();
      return new DatabaseHandle(embedded, Database.open(local), local);
    } catch (RuntimeException e) {
      closeQuietly(embedded);
      throw e;
    }
  }

  private static EmbeddedDatabase startEmbedded(DatabaseOptions options) {
    try {
      return EmbeddedDatabase.start(options.dataDir.resolve("postgres"), options.port);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  DataSource dataSource() {
    return database.dataSource();
  }

  /** The settings other processes (workers, Spark executors) use to reach this database. */
  DbConfig config() {
    return config;
  }

  boolean embedded() {
    return embedded != null;
  }

  /**
   * Says that the caller closes this handle at JVM exit, after the services that use it, so that
   * the embedded server's own stop hook leaves it to the caller ({@link
   * EmbeddedDatabase#stoppedByOwnerAtExit}).
   */
  void closedInOrderAtExit() {
    if (embedded != null) {
      embedded.stoppedByOwnerAtExit();
    }
  }

  @Override
  public void close() {
    database.close();
    if (embedded != null) {
      closeQuietly(embedded);
    }
  }

  private static void closeQuietly(EmbeddedDatabase embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      System.err.println("taxiscale: stopping PostgreSQL failed: " + e.getMessage());
    }
  }
}
