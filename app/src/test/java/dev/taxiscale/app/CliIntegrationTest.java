package dev.taxiscale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it: real files, a real embedded PostgreSQL, exit codes. */
class CliIntegrationTest {
  private static final Path SHARED_DATA = Path.of("..", "..", "shared", "data");

  @TempDir Path dir;

  private JsonNode ingestJson(String... inputs) throws Exception {
    String[] args = new String[inputs.length + 4];
    args[0] = "ingest";
    args[1] = "--json";
    args[2] = "--data-dir";
    args[3] = dir.resolve("data").toString();
    System.arraycopy(inputs, 0, args, 4, inputs.length);
    CliRun run = CliRun.taxiscale(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void generatedFileIsIngestedWithEveryRowKeptOrRejectedOnce() throws Exception {
    Path file = dir.resolve("green.csv");
    assertThat(
            CliRun.taxiscale(
                    "generate", "--format", "green-2014", "--rows", "2000", "-o", file.toString())
                .exitCode())
        .isZero();

    JsonNode report = ingestJson(file.toString());

    assertThat(report.get("rowsIn").asLong()).isEqualTo(2000);
    assertThat(report.get("kept").asLong() + report.get("rejected").asLong()).isEqualTo(2000);
    assertThat(report.get("rejected").asLong()).isEqualTo(100);
  }

  @Test
  void generatedParquetFileIsIngestedWithTheSameCountsAsItsCsv() throws Exception {
    Path file = dir.resolve("yellow_tripdata_2010-04.parquet");
    CliRun generated =
        CliRun.taxiscale(
            "generate", "--rows", "2000", "--parquet", "yellow-2010", "-o", file.toString());
    assertThat(generated.exitCode()).as(generated.err()).isZero();

    JsonNode report = ingestJson(file.toString());

    assertThat(report.get("files").get(0).get("format").asText()).isEqualTo("YELLOW_2010");
    assertThat(report.get("rowsIn").asLong()).isEqualTo(2000);
    assertThat(report.get("kept").asLong() + report.get("rejected").asLong()).isEqualTo(2000);
  }

  @Test
  void ingestingTheSameFileTwiceLoadsItOnce() throws Exception {
    Path file = dir.resolve("yellow.csv");
    CliRun.taxiscale("generate", "--rows", "1000", "-o", file.toString());
    ingestJson(file.toString());

    JsonNode again = ingestJson(file.toString());

    assertThat(again.get("files").get(0).get("alreadyLoaded").asBoolean()).isTrue();
  }

  @Test
  void everySharedSampleFileIsDetectedAndCountedTwiceTheSame() throws Exception {
    assumeThat(Files.isDirectory(SHARED_DATA)).as("../shared/data present").isTrue();
    String[] inputs = {
      SHARED_DATA.resolve("tlc-2014-heads").toString(),
      SHARED_DATA.resolve("uber-2014").toString(),
      SHARED_DATA.resolve("later-format-heads").toString()
    };

    JsonNode first = ingestJson(inputs);
    JsonNode second = ingestJson(inputs);

    assertThat(first.get("files")).hasSize(15);
    assertThat(first.get("rowsIn").asLong())
        .isEqualTo(first.get("kept").asLong() + first.get("rejected").asLong());
    assertThat(second.get("kept")).isEqualTo(first.get("kept"));
    assertThat(second.get("files").findValues("alreadyLoaded")).allMatch(JsonNode::asBoolean);
  }

  @Test
  void missingFileIsOneLineAndExitCodeOne() {
    CliRun run =
        CliRun.taxiscale(
            "ingest",
            "--data-dir",
            dir.resolve("data").toString(),
            dir.resolve("nope.csv").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip().lines().filter(l -> l.startsWith("taxiscale:"))).hasSize(1);
    assertThat(run.err()).contains("nope.csv").doesNotContain("\tat ");
  }

  @Test
  void failedIngestWithJsonPrintsTheErrorAsJsonOnStdout() throws Exception {
    CliRun run =
        CliRun.taxiscale(
            "ingest",
            "--json",
            "--data-dir",
            dir.resolve("data").toString(),
            dir.resolve("nope.csv").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(run.out()).get("error").asText()).contains("nope.csv");
    assertThat(run.err()).startsWith("taxiscale: ").contains("nope.csv");
  }

  @Test
  void unknownFlagIsAUsageErrorWithExitCodeTwo() {
    CliRun run = CliRun.taxiscale("generate", "--rows", "many", "-o", "x.csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("taxiscale: ").contains("--rows");
  }

  @Test
  void unreachableDatabaseIsOneLineAndExitCodeOne() {
    CliRun run =
        CliRun.taxiscale(
            "ingest",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/none",
            dir.resolve("x.csv").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("taxiscale: ").contains("database unavailable");
  }
}
