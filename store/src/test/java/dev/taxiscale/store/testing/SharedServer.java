package dev.taxiscale.store.testing;

import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The one ephemeral server of a test JVM; JUnit closes it when the run ends. */
final class SharedServer implements AutoCloseable {
  private final EmbeddedDatabase server;

  private SharedServer(EmbeddedDatabase server) {
    this.server = server;
  }

  static SharedServer start() {
    try {
      return new SharedServer(EmbeddedDatabase.startEphemeral());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  /** Creates an empty database, owned by the application role or else by the superuser. */
  void createDatabase(String database, boolean application) throws SQLException {
    execute(
        "CREATE DATABASE "
            + database
            + (application ? " OWNER \"" + server.config().user() + "\"" : ""));
  }

  /** The superuser's way into a database it created. */
  DbConfig config(String database) {
    return server.adminConfig().withJdbcUrl(urlOf(database)).withPoolSize(6);
  }

  /** The application role's way into a database it owns, with the pool production uses. */
  DbConfig applicationConfig(String database) {
    return server.config().withJdbcUrl(urlOf(database));
  }

  private String urlOf(String database) {
    String url = server.jdbcUrl();
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  /** Runs administrative SQL (CREATE/DROP DATABASE) in the maintenance database. */
  void execute(String sql) throws SQLException {
    DbConfig admin = server.adminConfig();
    try (Connection c =
            DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
