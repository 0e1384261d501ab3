package dev.taxiscale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.process.FreePorts;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} as the AOT training run uses it: everything starts on embedded defaults, warms up,
 * prints its URL and, asked to, stops again, leaving nothing listening or running.
 */
class UpIntegrationTest {
  @TempDir Path dir;

  @Test
  void shouldStopEverythingAgainWhenReadyWhenAskedTo() throws Exception {
    int http = FreePorts.pick();
    int kafka = FreePorts.pick();
    CliRun run =
        CliRun.taxiscale(
            "up",
            "--exit-when-ready",
            "--sample-trips",
            "2000",
            "--warm-up",
            "3",
            "--workers",
            "1",
            "--data-dir",
            dir.toString(),
            "--http-port",
            String.valueOf(http),
            "--kafka-port",
            String.valueOf(kafka),
            "--kafka-controller-port",
            String.valueOf(FreePorts.pick()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("sample data: ")
        .containsPattern("warmed up with \\d+ requests")
        .contains("is up with 1 workers")
        .contains("http://127.0.0.1:" + http + "/, stopping again");
    assertRefused(http);
    assertRefused(kafka);
    assertThat(Files.exists(dir.resolve("postgres/postmaster.pid"))).isFalse();
  }

  @Test
  void shouldRefuseANegativeWarmUpInOneLine() {
    CliRun run = CliRun.taxiscale("up", "--warm-up", "-1", "--data-dir", dir.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip())
        .startsWith("taxiscale: ")
        .contains("--warm-up")
        .doesNotContain("\n");
  }

  @Test
  void shouldRefuseAnUnknownRidePartsSettingInOneLine() {
    CliRun run = CliRun.taxiscale("up", "--ride-parts", "scattered", "--data-dir", dir.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip())
        .startsWith("taxiscale: ")
        .contains("--ride-parts must be apart or together, got 'scattered'")
        .doesNotContain("\n");
    assertThat(Files.exists(dir.resolve("postgres"))).isFalse();
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }
}
