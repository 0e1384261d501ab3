package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default 100-request set at tiny scale through the JDBC floor, the engine, the direct gateway,
 * the gateway over Kafka with one worker process, and its first 4 requests through Spark.
 */
class BenchIntegrationTest {
  private static final long TINY = 20_000;

  /**
   * One request of each type, since the set draws the types in turn; each is a Spark job of a
   * second or more, and every one is answered once unmeasured and then once per round.
   */
  private static final int SPARK_REQUESTS = 4;

  @TempDir static Path dir;
  static BenchOptions options;
  static BenchReport report;

  @BeforeAll
  static void runTheDefaultSetOnTinyData() throws Exception {
    options =
        BenchOptions.defaults()
            .withRows(TINY)
            .withDirectories(dir.resolve("db"), dir.resolve("report"))
            .withWorkers(List.of(1))
            .withSparkRequests(SPARK_REQUESTS);
    report = new BenchCommand().run(options);
  }

  @Test
  void everyPathAnswersEveryRequestWithoutErrors() {
    assertThat(report.summaries())
        .extracting(PathSummary::path)
        .contains("jdbc", "engine", "gateway-direct", "kafka-1", SparkBaseline.NAME);
    assertThat(report.summaries())
        .filteredOn(s -> !s.path().equals(SparkBaseline.NAME))
        .allSatisfy(
            s -> {
              assertThat(s.errors()).as(s.path() + " " + s.mode()).isZero();
              assertThat(s.count()).isEqualTo(100L * options.rounds());
            });
  }

  @Test
  void sparkAnswersItsReducedCountSequentiallyWithoutErrors() {
    assertThat(report.summaries())
        .filteredOn(s -> s.path().equals(SparkBaseline.NAME))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.mode()).isEqualTo("sequential");
              assertThat(s.errors()).isZero();
              assertThat(s.count()).isEqualTo((long) SPARK_REQUESTS * options.rounds());
            });
    assertThat(report.notes())
        .anyMatch(n -> n.startsWith("Spark baseline: the first " + SPARK_REQUESTS + " of"));
  }

  @Test
  void theKafkaPathsTimeIsSplitByStageFromTheGatewaysAndTheWorkersMeters() {
    // measured only when every stage counted exactly the requests the path answered
    assertThat(report.notes())
        .anyMatch(n -> n.startsWith("kafka-1 sequential, where the time goes (means, ms): client"))
        .anyMatch(n -> n.startsWith("kafka-1 concurrent-4, where the time goes (means, ms)"))
        .anyMatch(
            n ->
                n.startsWith(
                    "kafka-1 sequential p50 over the JDBC floor's, taking turns with it: "));
  }

  @Test
  void theReportFolderHoldsMarkdownAndHtml() {
    assertThat(dir.resolve("report").resolve(ReportFiles.MARKDOWN)).isNotEmptyFile();
    assertThat(dir.resolve("report").resolve(ReportFiles.HTML)).isNotEmptyFile();
  }

  @Test
  void theRequestsCameFromTheLoadedData() {
    assertThat(report.bounds().trips()).isEqualTo(TINY);
    assertThat(report.requests()).isEqualTo(100);
  }
}
