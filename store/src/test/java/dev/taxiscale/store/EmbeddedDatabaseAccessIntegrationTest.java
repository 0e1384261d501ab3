package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other local users cannot use the embedded server, and the application is no superuser. */
class EmbeddedDatabaseAccessIntegrationTest {

  private static String query(DbConfig config, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void shouldRefuseTheSuperuserWithoutAPassword(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", ""))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void shouldRefuseTheApplicationRoleWithoutItsPassword(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      DbConfig app = server.config();
      assertThatThrownBy(() -> DriverManager.getConnection(app.jdbcUrl(), app.user(), "guess"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void shouldConnectTheApplicationAsARoleThatIsNoSuperuser(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(
              query(server.config(), "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
          .isEqualTo("f");
    }
  }

  @Test
  void shouldKeepTheApplicationFromRunningPrograms(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThatThrownBy(() -> query(server.config(), "COPY (SELECT 1) TO PROGRAM 'true'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("pg_execute_server_program");
    }
  }

  @Test
  void shouldLetTheApplicationMigrateAndWriteTheSchema(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0);
        Database db = Database.open(server.config())) {
      assertThat(query(server.config(), "SELECT count(*) FROM ingest_files")).isEqualTo("0");
    }
  }

  @Test
  void shouldKeepThePasswordFilesPrivateToTheOwner(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(Files.getPosixFilePermissions(dataDir.resolve(ServerSecrets.ADMIN_FILE)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(dataDir.resolve(ServerSecrets.APP_FILE)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void shouldOpenNoUnixSocket(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(query(server.adminConfig(), "SHOW unix_socket_directories")).isEmpty();
    }
  }

  @Test
  void shouldRequirePasswordsOnADataDirectoryThatTrustedEveryone(@TempDir Path dataDir)
      throws Exception {
    try (EmbeddedPostgres legacy =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        Connection c = legacy.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (name text)");
      s.execute("INSERT INTO kept VALUES ('april')");
    }

    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", ""))
          .isInstanceOf(SQLException.class);
      assertThat(query(server.config(), "SELECT name FROM kept")).isEqualTo("april");
    }
  }

  @Test
  void shouldAddTheRolesAndLinesOfTheAccessPolicy(@TempDir Path dataDir) throws Exception {
    AccessPolicy replicas =
        AccessPolicy.standard()
            .withRole(new AccessPolicy.ExtraRole("replicator", "REPLICATION"))
            .withHbaLine("host replication replicator 127.0.0.1/32 scram-sha-256");

    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0, replicas)) {
      assertThat(
              query(
                  server.adminConfig(),
                  "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database)"
                      + " AND 'replicator' = ANY(user_name)"))
          .isEqualTo("1");
      assertThat(
              query(
                  server.adminConfig(),
                  "SELECT rolreplication AND NOT rolsuper FROM pg_roles WHERE rolname = 'replicator'"))
          .isEqualTo("t");
    }
  }
}
