package dev.taxiscale.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  @Test
  void shouldTakeWorkerThreadsAndSessionTimeoutFromTheEnvironment() {
    WorkerConfig config =
        WorkerConfig.fromEnvironment(
            Map.of(WorkerConfig.ENV_CONCURRENCY, "3", WorkerConfig.ENV_SESSION_TIMEOUT, "4000"));

    assertThat(config.concurrency()).isEqualTo(3);
    assertThat(config.sessionTimeout()).isEqualTo(Duration.ofSeconds(4));
  }
}
