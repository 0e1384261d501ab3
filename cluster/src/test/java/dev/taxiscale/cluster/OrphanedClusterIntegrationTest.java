package dev.taxiscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher that dies while its cluster starts takes the cluster's processes with it, PostgreSQL's
 * server included, however it died: nothing is left holding ports and data directories.
 */
class OrphanedClusterIntegrationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;
  private Process launcher;

  @AfterEach
  void stopLeftovers() {
    if (launcher != null) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  @Test
  void shouldStopADetachedClusterWhoseLauncherIsKilledWhileItStarts() throws Exception {
    launcher = launch("detached");
    List<ProcessHandle> started = awaitDatabaseThenChildren();

    launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    assertAllExit(started);
  }

  @Test
  void shouldStopTheClusterOfALauncherTerminatedWhileItStarts() throws Exception {
    launcher = launch("attached");
    List<ProcessHandle> started = awaitDatabaseThenChildren();

    launcher.destroy();
    launcher.waitFor(60, TimeUnit.SECONDS);

    assertAllExit(started);
  }

  private Process launch(String mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ClusterLauncher.class.getName(),
            dir.toString(),
            mode)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("launcher.log").toFile())
        .start();
  }

  /** Waits until PostgreSQL is up; returns the cluster's JVMs and the postmaster then running. */
  private List<ProcessHandle> awaitDatabaseThenChildren() throws Exception {
    Path log = dir.resolve("logs/postgres.log");
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!(Files.exists(log) && Files.readString(log).contains("PostgreSQL ready"))) {
      assertThat(launcher.isAlive())
          .as("launcher alive; see " + dir.resolve("launcher.log"))
          .isTrue();
      assertThat(System.nanoTime()).as("PostgreSQL ready within " + PATIENCE).isLessThan(deadline);
      Thread.sleep(100);
    }
    List<ProcessHandle> started =
        new java.util.ArrayList<>(
            launcher.children().filter(p -> ProcessStarter.belongsTo(p, dir)).toList());
    postmaster().ifPresent(started::add);
    assertThat(started).hasSizeGreaterThanOrEqualTo(2);
    return started;
  }

  private Optional<ProcessHandle> postmaster() throws Exception {
    Path pidFile = dir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
  }

  private static void assertAllExit(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle process : processes) {
      ProcessHandle exited = process.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertThat(exited.isAlive()).isFalse();
    }
  }
}
