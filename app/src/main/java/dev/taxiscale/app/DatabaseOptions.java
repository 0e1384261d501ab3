package dev.taxiscale.app;

import dev.taxiscale.store.DbConfig;
import picocli.CommandLine.Option;

/** Where PostgreSQL is: an external server by flag or environment, else the embedded one. */
final class DatabaseOptions {
  @Option(
      names = "--jdbc-url",
      defaultValue = "${env:TAXISCALE_JDBC_URL}",
      description =
          "External PostgreSQL, e.g. jdbc:postgresql://host:5432/db (env TAXISCALE_JDBC_URL;"
              + " default: embedded server in the data directory)")
  String jdbcUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:TAXISCALE_DB_USER:-postgres}",
      description = "Database user (env TAXISCALE_DB_USER, default ${DEFAULT-VALUE})")
  String user;

  @Option(
      names = "--db-password",
      defaultValue = "${env:TAXISCALE_DB_PASSWORD}",
      description = "Database password (env TAXISCALE_DB_PASSWORD)")
  String password;

  @Option(
      names = "--db-port",
      defaultValue = "${env:TAXISCALE_DB_PORT:-0}",
      description =
          "Port of the embedded server on 127.0.0.1, 0 picks a free one (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:TAXISCALE_DATA_DIR:-data}",
      description =
          "Local data directory: embedded database, broker logs, samples (default ${DEFAULT-VALUE})")
  java.nio.file.Path dataDir;

  DbConfig config() {
    return new DbConfig(jdbcUrl, user, password, DbConfig.DEFAULT_POOL_SIZE);
  }
}
