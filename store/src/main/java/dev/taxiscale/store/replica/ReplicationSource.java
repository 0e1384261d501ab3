package dev.taxiscale.store.replica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The primary a read replica copies and streams from, and the role it connects as: a superuser or a
 * role with the REPLICATION attribute, allowed by the primary's {@code pg_hba.conf} both to the
 * {@code replication} pseudo-database and to the {@code postgres} database.
 *
 * @param password empty when the server trusts local connections
 */
public record ReplicationSource(String host, int port, String user, String password) {
  /** The database the seeding session and lag queries connect to. */
  static final String DATABASE = "postgres";

  public ReplicationSource {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    password = password == null ? "" : password;
  }

  /** A primary on this machine's loopback address. */
  public static ReplicationSource local(int port, String user, String password) {
    return new ReplicationSource("127.0.0.1", port, user, password);
  }

  public String jdbcUrl() {
    return jdbcUrl(host, port);
  }

  /** A plain (unpooled) connection to the primary. */
  public Connection connect() throws SQLException {
    return connect(host, port);
  }

  /** A plain connection as this role to another server, e.g. the replica seeded from it. */
  Connection connect(String toHost, int toPort) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", user);
    if (!password.isEmpty()) {
      login.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl(toHost, toPort), login);
  }

  /**
   * The replica's {@code primary_conninfo}; values are quoted so that a password with spaces or
   * quotes survives.
   */
  String conninfo(String applicationName) {
    StringBuilder s = new StringBuilder();
    s.append("host=").append(quoted(host)).append(" port=").append(port);
    s.append(" user=").append(quoted(user));
    if (!password.isEmpty()) {
      s.append(" password=").append(quoted(password));
    }
    return s.append(" application_name=").append(quoted(applicationName)).toString();
  }

  /** Hides the password, which must not reach logs. */
  @Override
  public String toString() {
    return "ReplicationSource[" + user + "@" + host + ":" + port + "]";
  }

  private static String jdbcUrl(String host, int port) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
  }

  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
