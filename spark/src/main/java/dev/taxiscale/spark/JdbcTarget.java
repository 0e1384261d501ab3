package dev.taxiscale.spark;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where executors write trips: each opens its own connection, so the URL must be reachable from
 * every executor, not only from the driver.
 */
public record JdbcTarget(String url, String user, String password) implements Serializable {

  public JdbcTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "JDBC URL must start with jdbc:postgresql:, got '" + url + "'");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
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
