package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.bench.KafkaLegs.Reading;
import dev.taxiscale.bench.KafkaLegs.Sum;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class KafkaLegsTest {

  /** A worker's page: two requests in transit and answers of two statuses. */
  private static String workerPage() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer request = Timer.builder(KafkaLegs.TRANSIT).tag("leg", "request").register(registry);
    Timer reply = Timer.builder(KafkaLegs.TRANSIT).tag("leg", "reply").register(registry);
    request.record(Duration.ofMillis(1));
    request.record(Duration.ofMillis(3));
    reply.record(Duration.ofMillis(50));
    Timer.builder("taxiscale.worker.requests")
        .tag("status", "200")
        .register(registry)
        .record(Duration.ofMillis(4));
    Timer.builder("taxiscale.worker.requests")
        .tag("status", "400")
        .register(registry)
        .record(Duration.ofMillis(2));
    return registry.scrape();
  }

  /** 1,000 requests of the mean given, as the bench records them, in microseconds. */
  private static PathSummary thousandAnswersOf(long meanMicros) {
    Histogram h = new Histogram(600_000_000L, 3);
    h.recordValueWithCount(meanMicros, 1_000);
    return PathSummary.of("kafka-1", "sequential", 1, h, 0, 1);
  }

  private static Reading thousandRequests(double... secondsPerStage) {
    List<Sum> s =
        java.util.Arrays.stream(secondsPerStage).mapToObj(sec -> new Sum(1_000, sec)).toList();
    return new Reading(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5));
  }

  @Test
  void aTimersTotalsAreReadFromTheSeriesWithTheLabelAsked() {
    Sum request = WorkerCounters.timer(workerPage(), KafkaLegs.WORKER_TRANSIT, "leg=\"request\"");

    assertThat(request.count()).isEqualTo(2);
    assertThat(request.meanMillis()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void withoutALabelEverySeriesOfTheTimerIsAdded() {
    Sum handler = WorkerCounters.timer(workerPage(), WorkerCounters.ANSWERED, null);

    assertThat(handler.count()).isEqualTo(2);
    assertThat(handler.meanMillis()).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void aTimerThePageDoesNotHoldSumsToNothing() {
    assertThat(WorkerCounters.timer(workerPage(), KafkaLegs.WORKER_QUEUE, null))
        .isEqualTo(Sum.ZERO);
  }

  @Test
  void aWindowIsTheDifferenceOfTwoReadings() {
    Reading before = thousandRequests(1, 2, 3, 4, 3.5, 5);
    Reading after =
        new Reading(
            new Sum(1_010, 1.5),
            new Sum(1_010, 2),
            new Sum(1_010, 3),
            new Sum(1_010, 4),
            new Sum(1_010, 3.5),
            Sum.ZERO);

    Reading window = after.minus(before);

    assertThat(window.gatewayWait()).isEqualTo(new Sum(10, 0.5));
    assertThat(window.replyLeg()).isEqualTo(new Sum(-1_000, -5));
  }

  @Test
  void thePathsMeanIsSplitIntoTheStagesAndWhatNoMeterCovers() {
    // gateway wait 4.5 ms of which the legs, the queue and the handler take 0.8+0.1+2.5+0.7
    Reading window = thousandRequests(4.5, 0.8, 0.1, 2.5, 2.2, 0.7);

    String line = KafkaLegs.describe(thousandAnswersOf(5_000), window);

    assertThat(line)
        .startsWith("kafka-1 sequential, where the time goes (means, ms): client and HTTP 0.50,")
        .contains(
            "gateway 0.40,",
            "request leg 0.80 ",
            "worker queue 0.10,",
            "handler 2.50 (the query and writing its result 2.20)",
            "reply leg 0.70 ",
            "5.00 in all");
  }

  @Test
  void aStageThatCountedOtherRequestsThanThePathIsNotSplit() {
    Reading window =
        new Reading(
            new Sum(1_000, 4.5),
            new Sum(500, 0.4),
            new Sum(1_000, 0.1),
            new Sum(1_000, 2.5),
            new Sum(1_000, 2.2),
            new Sum(1_000, 0.7));

    String line = KafkaLegs.describe(thousandAnswersOf(5_000), window);

    assertThat(line)
        .isEqualTo(
            "kafka-1 sequential, where the time goes: not measured (a stage counted 500 requests,"
                + " the path answered 1000)");
  }

  private static PathSummary p50Of(String path, String mode, long micros) {
    Histogram h = new Histogram(600_000_000L, 3);
    h.recordValue(micros);
    return PathSummary.of(path, mode, 0, h, 0, 1);
  }

  @Test
  void eachKafkaPathIsComparedWithTheFloorInTheSameMode() {
    List<PathSummary> summaries =
        List.of(
            p50Of(JdbcPath.NAME, "sequential", 2_000),
            p50Of(JdbcPath.NAME, "concurrent-4", 4_000),
            p50Of("engine", "sequential", 2_100),
            p50Of("kafka-1", "sequential", 3_250),
            p50Of("kafka-1", "concurrent-4", 6_000),
            p50Of("kafka-2", "open-150/s", 3_000));

    assertThat(KafkaLegs.overTheFloor(summaries))
        .containsExactly(
            "kafka-1 sequential p50 over the JDBC floor's, taking turns with it: +1.25 ms (3.25 against 2.00)",
            "kafka-1 concurrent-4 p50 over the JDBC floor's, taking turns with it: +2.00 ms (6.00 against 4.00)");
  }
}
