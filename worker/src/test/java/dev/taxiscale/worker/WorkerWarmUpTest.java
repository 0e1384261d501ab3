package dev.taxiscale.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.warmup.WarmUp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A worker's warm-up through its handler says what it did in one line, and nothing when off. */
class WorkerWarmUpTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final EchoHandler handler = new EchoHandler(0);

  @Test
  void shouldNeitherAskNorPrintAnythingForAWarmUpOfNoRequests() {
    DatabaseWorker.warmUp(handler, WarmUp.Plan.perType(0), "worker 1", out);

    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(handler.handled()).isZero();
  }

  @Test
  void shouldReportTheWarmUpInOneLineHeadedByTheWorkersName() {
    DatabaseWorker.warmUp(handler, WarmUp.Plan.perType(2), "worker 1", out);

    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .singleElement()
        .asString()
        .startsWith("worker 1: warmed up with " + handler.handled() + " requests in ");
    assertThat(handler.handled()).isPositive();
  }
}
