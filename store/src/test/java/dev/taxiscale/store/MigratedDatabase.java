package dev.taxiscale.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** An ephemeral, migrated server for one test class; the testkit offers the same downstream. */
final class MigratedDatabase implements AutoCloseable {
  final EmbeddedDatabase server;
  final Database database;

  private MigratedDatabase(EmbeddedDatabase server, Database database) {
    this.server = server;
    this.database = database;
  }

  static MigratedDatabase start() throws IOException {
    EmbeddedDatabase server = EmbeddedDatabase.startEphemeral();
    return new MigratedDatabase(server, Database.open(server.config()));
  }

  DataSource dataSource() {
    return database.dataSource();
  }

  void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs {@code sql} as the superuser, for what the application role may not do. */
  void executeAsAdmin(String sql) throws SQLException {
    DbConfig admin = server.adminConfig();
    try (Connection c =
            DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  long queryLong(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  String queryString(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws IOException {
    database.close();
    server.close();
  }
}
