package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIntegrationTest {

  private static String query(EmbeddedDatabase server, String sql) throws Exception {
    try (Database db = Database.open(server.config());
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void shouldKeepDataAcrossARestartOnTheSameDirectory(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, 0)) {
      query(first, "SELECT 1");
      try (Database db = Database.open(first.config());
          Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO ingest_files (name, fingerprint, format, engine, status)"
                + " VALUES ('kept.csv', 'f1', 'YELLOW_2014', 'local', 'done')");
      }
    }

    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(query(second, "SELECT name FROM ingest_files")).isEqualTo("kept.csv");
    }
  }

  @Test
  void shouldRunTheDurableServerWithFsyncOn(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      assertThat(
              query(
                  server,
                  "SELECT current_setting('fsync') || current_setting('synchronous_commit')"))
          .isEqualTo("onon");
    }
  }

  @Test
  void shouldLeaveTheStopAtExitToAnOwnerThatStopsItInOrder(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      server.stoppedByOwnerAtExit();
      Thread hook = new Thread(server::stopAtExit);
      hook.start();
      hook.join(1_000);

      assertThat(hook.isAlive()).as("the hook waits for the owner").isTrue();
      assertThat(query(server, "SELECT 'still serving'")).isEqualTo("still serving");
      server.close();
      hook.join(10_000);
      assertThat(hook.isAlive()).as("the owner's close ends the hook's wait").isFalse();
    }
  }

  @Test
  void shouldStopAtExitAtOnceWithoutAnOwner(@TempDir Path dataDir) throws Exception {
    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0)) {
      query(server, "SELECT 1");

      server.stopAtExit();

      assertThatThrownBy(() -> query(server, "SELECT 1")).isInstanceOf(Exception.class);
    }
  }
}
