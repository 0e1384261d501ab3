package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.query.QueryType;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchMainTest {

  private static BenchOptions parse(String... args) {
    BenchMain main = new BenchMain();
    new CommandLine(main).parseArgs(args);
    return main.options();
  }

  @Test
  void noFlagsGiveTheDefaults() {
    assertThat(parse()).isEqualTo(BenchOptions.defaults());
  }

  @Test
  void flagsOverrideTheDefaults() {
    BenchOptions o = parse("--rows", "20000", "--types", "nearby,fare", "--workers", "4,1");

    assertThat(o.rows()).isEqualTo(20_000);
    assertThat(o.types()).containsExactly("nearby", "fare");
    assertThat(o.workers()).containsExactly(1, 4);
  }

  @Test
  void theWarmUpIsOnePassUnlessGivenSeconds() {
    assertThat(BenchOptions.defaults().warmUpSeconds()).isZero();
    assertThat(parse("--warm-up", "100").warmUpSeconds()).isEqualTo(100);
    assertThatThrownBy(() -> parse("--warm-up", "-5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warm-up seconds must be in [0, 3600], got -5");
  }

  @Test
  void noKafkaLeavesNoWorkerCounts() {
    assertThat(parse("--no-kafka").workers()).isEmpty();
  }

  @Test
  void noSparkSetsTheSparkRequestsToZero() {
    assertThat(parse("--spark-requests", "3").sparkRequests()).isEqualTo(3);
    assertThat(parse("--spark-requests", "3", "--no-spark").sparkRequests()).isZero();
  }

  @Test
  void theSparkBaselineAnswersAtMostTheWholeSet() {
    assertThat(BenchOptions.defaults().sparkCount(100)).isEqualTo(10);
    assertThat(BenchOptions.defaults().withSparkRequests(50).sparkCount(20)).isEqualTo(20);
  }

  @Test
  void aNegativeSparkRequestCountIsRejected() {
    assertThatThrownBy(() -> parse("--spark-requests", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spark requests must not be negative, got -1");
  }

  @Test
  void anUnknownTypeIsRejectedWithTheAllowedOnes() {
    assertThatThrownBy(() -> parse("--types", "taxi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("types must be some of " + QueryType.listed(",") + ", got [taxi]");
  }

  @Test
  void tooFewRowsAreRejected() {
    assertThatThrownBy(() -> parse("--rows", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be at least 1000, got 10");
  }

  @Test
  void theOpenLoopRunsOnlyWithARate() {
    assertThat(parse("--open-rate", "0").modes())
        .extracting(LoadMode::label)
        .containsExactly("sequential", "concurrent-4");
    assertThat(BenchOptions.defaults().modes()).hasSize(3);
  }

  @Test
  void aBadSuiteExitsWithStatusTwoAndOneLine() {
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setExecutionExceptionHandler((e, line, parsed) -> 2);

    assertThat(cli.execute("--suite", "spark")).isEqualTo(2);
  }

  @Test
  void workerCountsAreSortedAndDistinct() {
    assertThat(BenchOptions.defaults().withWorkers(List.of(4, 2, 4)).workers())
        .containsExactly(2, 4);
  }

  @Test
  void theIngestSuiteReceivesTheRowsAndItsOwnFlags() {
    BenchMain main = new BenchMain();
    new CommandLine(main).parseArgs("--suite", "ingest", "--rows", "5000", "--parsers", "1");

    assertThat(main.ingestArguments()).containsExactly("--rows", "5000", "--parsers", "1");
  }

  @Test
  void theIngestSuitesReceiveTheRoundsWhenGiven() {
    BenchMain main = new BenchMain();
    new CommandLine(main)
        .parseArgs("--suite", "ingest-formats", "--rows", "5000", "--rounds", "5", "--master", "x");

    assertThat(main.ingestArguments())
        .containsExactly("--rows", "5000", "--rounds", "5", "--master", "x");
  }

  @Test
  void theZoneSuiteReceivesOnlyTheFlagsGivenAndItsOwn() {
    CommandLine cli = new CommandLine(new BenchMain());
    BenchMain main = cli.getCommand();
    cli.parseArgs("--suite", "zones", "--rows", "20000", "--kafka-workers", "0");

    assertThat(main.zoneArguments()).containsExactly("--rows", "20000", "--kafka-workers", "0");
  }
}
