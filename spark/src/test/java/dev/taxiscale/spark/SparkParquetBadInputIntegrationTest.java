package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Files that are not what their name claims, or not there, are refused by the Spark engine in the
 * local engine's one line, before anything is registered or loaded.
 */
class SparkParquetBadInputIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @BeforeEach
  void emptyTables() throws Exception {
    postgres.truncateAll();
  }

  @Test
  void shouldRefuseAnHtmlErrorPageSavedAsParquet() throws Exception {
    Path page = dir.resolve("yellow_tripdata_2024-01.parquet");
    Files.writeString(page, "<!DOCTYPE html>\n<html><body>403 Forbidden</body></html>\n");

    assertRefusedAsTheLocalEngineRefuses(page, "not a Parquet file (it starts with '<!DOCTYPE");
  }

  @Test
  void shouldRefuseACsvRenamedToParquet() throws Exception {
    Path renamed = dir.resolve("green_tripdata_2014-04.parquet");
    TripGenerator.write(GeneratorConfig.of(TripFormat.GREEN_2014, 100), renamed);

    assertRefusedAsTheLocalEngineRefuses(renamed, "not a Parquet file (it starts with 'VendorID,");
  }

  @Test
  void shouldRefuseAParquetFileCutOffBeforeItsFooter() throws Exception {
    Path csv = dir.resolve("source.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 1_000), csv);
    Path whole = dir.resolve("whole.parquet");
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published())
        .convert(csv, whole);
    Path cut = dir.resolve("yellow_tripdata_2010-04.parquet");
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

    assertRefusedAsTheLocalEngineRefuses(cut, "truncated Parquet file");
  }

  @Test
  void shouldRefuseAParquetFileWhoseColumnsMatchNoLayout() throws Exception {
    Path weather =
        DriftFiles.write(
            dir.resolve("central_park_weather.parquet"),
            MessageTypeParser.parseMessageType(
                "message m { optional binary station (STRING); optional double temperature; }"),
            List.of(Map.of("station", "USW00094728", "temperature", 3.5)));

    assertRefusedAsTheLocalEngineRefuses(weather, "unknown Parquet layout: columns match none of");
  }

  @Test
  void shouldRefuseAPathThatIsNotThere() throws Exception {
    assertRefusedAsTheLocalEngineRefuses(dir.resolve("yellow_tripdata_2009-01.parquet"), "");
  }

  @Test
  void shouldExitNonZeroWithOneLineOnTheCommandLine() throws Exception {
    Path page = dir.resolve("fhv_tripdata_2024-01.parquet");
    Files.writeString(page, "<html><body>Not Found</body></html>\n");
    SparkIngestMain main = new SparkIngestMain();
    new CommandLine(main)
        .parseArgs(
            "--jdbc-url", postgres.jdbcUrl(), "--cache-dir", dir.toString(), page.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        main.run(
            spark,
            // the password comes only from the environment, which a test cannot set in-process
            main.dbConfig().withCredentials(postgres.config().user(), postgres.config().password()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "taxiscale-spark-ingest: "
                + page
                + ": not a Parquet file (it starts with '<html><body>Not Found</body></html>')\n");
  }

  private void assertRefusedAsTheLocalEngineRefuses(Path file, String why) throws Exception {
    IngestOptions options = IngestOptions.defaults().withCacheDir(dir.resolve("cache"));
    Throwable local =
        catchThrowable(
            () ->
                new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
                    .ingest(List.of(file.toString())));

    assertThatThrownBy(
            () ->
                new SparkEngine(spark, postgres.dataSource(), postgres.config(), options, null)
                    .ingest(List.of(file.toString())))
        .isInstanceOf(IngestException.class)
        .hasMessage(local.getMessage())
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(why)
        .hasMessageNotContaining("\n");
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
  }
}
