package dev.taxiscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.process.FreePorts;
import dev.taxiscale.deploy.source.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code deploy/local-cluster.sh} starts a cluster in the background, reports it and stops it. */
@TestMethodOrder(OrderAnnotation.class)
class LocalClusterScriptIntegrationTest {
  static Path dir;

  @BeforeAll
  static void chooseFolder() throws IOException {
    // under target/, so that the processes' logs outlive a failed run
    dir =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target").toAbsolutePath()), "local-cluster-script-");
  }

  @AfterAll
  static void stopWhateverIsLeft() throws Exception {
    script("stop");
  }

  @Test
  @Order(0)
  void startWithHelpPrintsTheUsageAndStartsNothing() throws Exception {
    Result help = script("start", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("usage: local-cluster.sh");
    assertThat(ClusterState.file(dir)).doesNotExist();
  }

  @Test
  @Order(0)
  void startWithAMalformedNumberSaysWhichOptionInOneLine() throws Exception {
    Result start = script("start", "--workers", "abc");

    assertThat(start.exitCode()).isEqualTo(2);
    assertThat(start.output().strip())
        .endsWith("local-cluster: --workers must be a whole number, got 'abc'")
        .doesNotContain("Exception");
  }

  @Test
  @Order(1)
  void startReturnsOnceTheGatewayAnswersAndPrintsItsUrl() throws Exception {
    Result start =
        script("start", "--workers", "1", "--sample-trips", "0", "--port", "" + FreePorts.pick());

    assertThat(start.output()).contains("gateway:    http://127.0.0.1:");
  }

  @Test
  @Order(2)
  void statusReportsEveryProcessRunning() throws Exception {
    Result status = script("status");

    assertThat(status.exitCode()).as(status.output()).isZero();
  }

  @Test
  @Order(2)
  void restartStartsOneProcessAgainWhileTheOthersRunOn() throws Exception {
    long before = pidOf("worker-1");

    Result restart = script("restart", "worker-1");

    assertThat(restart.exitCode()).as(restart.output()).isZero();
    assertThat(pidOf("worker-1")).isNotEqualTo(before);
    assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    Result status = script("status");
    assertThat(status.exitCode()).as(status.output()).isZero();
  }

  @Test
  @Order(2)
  void restartOfAnUnknownNameSaysSoInOneLine() throws Exception {
    Result restart = script("restart", "worker-99");

    assertThat(restart.exitCode()).isEqualTo(1);
    assertThat(restart.output().strip())
        .startsWith("local-cluster: no process named 'worker-99'")
        .doesNotContain("Exception");
  }

  private static long pidOf(String name) {
    return ClusterState.read(dir).processes().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow()
        .pid();
  }

  @Test
  @Order(3)
  void stopEndsEveryProcessItStarted() throws Exception {
    List<ClusterProcess> started = ClusterState.read(dir).processes();

    script("stop");

    assertThat(started).noneMatch(ClusterProcess::isAlive);
  }

  private record Result(int exitCode, String output) {}

  private static Result script(String command, String... options)
      throws IOException, InterruptedException {
    Path root = Project.locateRoot();
    List<String> line =
        new ArrayList<>(
            List.of("bash", root.resolve("deploy/local-cluster.sh").toString(), command));
    line.addAll(List.of(options));
    line.addAll(List.of("--dir", dir.toString()));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("local-cluster.sh " + command + " did not finish: " + output);
    }
    return new Result(process.exitValue(), output);
  }
}
