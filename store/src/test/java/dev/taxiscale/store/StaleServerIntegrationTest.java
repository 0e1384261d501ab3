package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server orphaned by a killed owner does not keep the next start from its data directory. */
class StaleServerIntegrationTest {

  @Test
  void shouldStartOnADirectoryWhoseOwnerWasKilledWhileItsServerRuns(@TempDir Path dataDir)
      throws Exception {
    Process owner = startOwner(dataDir);
    // the guard would stop the server; without it the server is orphaned, as after a machine-wide
    // kill that took the guard too
    owner
        .descendants()
        .filter(StaleServerIntegrationTest::isGuard)
        .forEach(ProcessHandle::destroyForcibly);
    owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(StaleServer.runningOn(dataDir)).isPresent();

    try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0);
        Database db = Database.open(server.config());
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void shouldStopTheServerWhenItsOwnerIsKilled(@TempDir Path dataDir) throws Exception {
    Process owner = startOwner(dataDir);
    ProcessHandle server = StaleServer.runningOn(dataDir).orElseThrow();

    owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    assertThat(server.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
  }

  private static boolean isGuard(ProcessHandle process) {
    return process.info().commandLine().map(line -> line.contains("while read")).orElse(false);
  }

  /** Starts {@link ServerOwner} in a JVM of its own and waits until its server is up. */
  private static Process startOwner(Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process owner =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServerOwner.class.getName(),
                    dataDir.toString()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.contains(ServerOwner.READY)) {
          return owner;
        }
      }
    }
    throw new AssertionError("the server owner exited before its server was up");
  }
}
