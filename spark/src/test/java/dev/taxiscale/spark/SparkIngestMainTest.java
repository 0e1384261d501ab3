package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SparkIngestMainTest {
  private static final String YELLOW_FILE = "/data/yellow_tripdata_2014-01.csv.gz";

  @Test
  void shouldPassForceAndRejectsDirectoryToTheEngine() {
    SparkIngestMain main =
        parse(
            "--jdbc-url",
            "jdbc:postgresql://db/taxiscale",
            "--force",
            "--rejects-dir",
            "/tmp/r",
            YELLOW_FILE);

    IngestOptions options = main.options();

    assertThat(options.force()).isTrue();
    assertThat(options.rejectsDir()).isEqualTo(Path.of("/tmp/r"));
  }

  @Test
  void shouldRefuseAUrlThatIsNotPostgresqlBeforeStartingSpark() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new SparkIngestMain()).setErr(new PrintWriter(err));

    int exit = cli.execute("--jdbc-url", "jdbc:mysql://db/taxiscale", YELLOW_FILE);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("jdbc:postgresql:");
  }

  @Test
  void shouldDescribeALoadedFileOnOneLine() {
    FileReport report =
        new FileReport(
            YELLOW_FILE,
            3,
            dev.taxiscale.core.format.TripFormat.YELLOW_2014,
            1_000,
            990,
            10,
            Map.of("zero_coordinates", 10L),
            1,
            2_000,
            false);

    assertThat(SparkIngestMain.describe(report))
        .isEqualTo(
            YELLOW_FILE
                + ": 1,000 rows, 990 kept, 10 rejected {zero_coordinates=10} in 2.0 s (500 rows/s)");
  }

  private static SparkIngestMain parse(String... args) {
    SparkIngestMain main = new SparkIngestMain();
    new CommandLine(main).parseArgs(args);
    return main;
  }
}
