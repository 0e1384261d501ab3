package dev.taxiscale.store;

import java.util.Map;

/**
 * How to reach PostgreSQL. Without a JDBC URL the application runs an {@link EmbeddedDatabase}.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/taxiscale}; {@code null} means embedded
 * @param poolSize the maximum number of pooled connections
 */
public record DbConfig(String jdbcUrl, String user, String password, int poolSize) {
  public static final String ENV_JDBC_URL = "TAXISCALE_JDBC_URL";
  public static final String ENV_USER = "TAXISCALE_DB_USER";
  public static final String ENV_PASSWORD = "TAXISCALE_DB_PASSWORD";

  public static final String DEFAULT_USER = "postgres";
  public static final String DEFAULT_PASSWORD = "";
  public static final int DEFAULT_POOL_SIZE = 8;

  public DbConfig {
    if (jdbcUrl != null && jdbcUrl.isBlank()) {
      jdbcUrl = null;
    }
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with jdbc:postgresql:, got '" + jdbcUrl + "'");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, got " + poolSize);
    }
    user = user == null || user.isBlank() ? DEFAULT_USER : user;
    password = password == null ? DEFAULT_PASSWORD : password;
  }

  /** The defaults: embedded, user postgres, no password, 8 connections. */
  public static DbConfig defaults() {
    return new DbConfig(null, DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_POOL_SIZE);
  }

  /** The defaults overridden by {@code TAXISCALE_JDBC_URL}, {@code _DB_USER}, {@code _PASSWORD}. */
  public static DbConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The defaults overridden by the given environment variables. */
  public static DbConfig fromEnvironment(Map<String, String> env) {
    return new DbConfig(
        env.get(ENV_JDBC_URL),
        env.getOrDefault(ENV_USER, DEFAULT_USER),
        env.getOrDefault(ENV_PASSWORD, DEFAULT_PASSWORD),
        DEFAULT_POOL_SIZE);
  }

  /** Whether no URL is configured, so the embedded server is used. */
  public boolean embedded() {
    return jdbcUrl == null;
  }

  public DbConfig withJdbcUrl(String url) {
    return new DbConfig(url, user, password, poolSize);
  }

  public DbConfig withCredentials(String newUser, String newPassword) {
    return new DbConfig(jdbcUrl, newUser, newPassword, poolSize);
  }

  public DbConfig withPoolSize(int size) {
    return new DbConfig(jdbcUrl, user, password, size);
  }

  /** Hides the password, which must not reach logs. */
  @Override
  public String toString() {
    return "DbConfig[jdbcUrl="
        + (jdbcUrl == null ? "embedded" : jdbcUrl)
        + ", user="
        + user
        + ", poolSize="
        + poolSize
        + "]";
  }
}
