package dev.taxiscale.testkit;

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

  DbConfig config(String database) {
    String url = server.jdbcUrl();
    // each test database is created by the superuser, so tests reach it as the superuser too
    return server
        .adminConfig()
        .withJdbcUrl(url.substring(0, url.lastIndexOf('/') + 1) + database)
        .withPoolSize(6);
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
