package dev.taxiscale.spark;

import dev.taxiscale.store.DbConfig;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database as executors see it: each opens its own connection, so the URL must be reachable
 * from every executor, not only from the driver. {@link DbConfig} is not serializable; this is.
 */
record JdbcTarget(String url, String user, String password) implements Serializable {

  JdbcTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "JDBC URL must start with jdbc:postgresql:, got '" + url + "'");
    }
  }

  static JdbcTarget of(DbConfig config) {
    return new JdbcTarget(config.jdbcUrl(), config.user(), config.password());
  }

  /** Opens a connection with auto-commit off: the caller commits. */
  Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(url, user, password);
    connection.setAutoCommit(false);
    return connection;
  }

  /** Keeps the password out of logs and Spark's task descriptions. */
  @Override
  public String toString() {
    return "JdbcTarget[url=" + url + ", user=" + user + ", password=***]";
  }
}
