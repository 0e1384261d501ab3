package dev.taxiscale.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades a data directory made by an earlier version, whose {@code pg_hba.conf} trusted every
 * local user: one short start on loopback gives the superuser its password, after which the
 * directory starts like a new one.
 */
final class LegacyTrust {
  private static final Logger log = LoggerFactory.getLogger(LegacyTrust.class);

  private LegacyTrust() {}

  static void upgrade(Path dataDirectory, int port) throws IOException {
    if (!trusting(dataDirectory)) {
      return;
    }
    log.info("requiring passwords on {}, which trusted every local user", dataDirectory);
    Map<String, String> env = System.getenv();
    ServerSecrets secrets = ServerSecrets.of(dataDirectory, env);
    secrets.keepIn(dataDirectory, env);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", "");
    if (port > 0) {
      builder.setPort(port);
    }
    try (EmbeddedPostgres postgres = builder.start();
        Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER ROLE postgres PASSWORD '" + secrets.admin().replace("'", "''") + "'");
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new IOException(
          "could not require passwords on " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code pg_hba.conf} lets anyone in with {@code trust}. */
  static boolean trusting(Path dataDirectory) throws IOException {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    if (!Files.exists(dataDirectory.resolve("postgresql.conf")) || !Files.exists(hba)) {
      return false;
    }
    return Files.readAllLines(hba).stream()
        .map(String::strip)
        .filter(line -> !line.startsWith("#"))
        .anyMatch(line -> line.matches(".*\\btrust$"));
  }
}
