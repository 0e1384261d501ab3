package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.TripIndexes;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.TripFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SparkEngineIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** A few thousand rows: enough for several partitions and every reject reason of a format. */
  private static final int ROWS = 3_000;

  private static final int FILE_ID = 9;

  private static SparkSession spark;

  @TempDir static Path fixtures;
  @TempDir Path work;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    postgres.truncateAll();
  }

  static Stream<String> fixtureFiles() throws IOException {
    return Stream.of(
        generated(TripFormat.YELLOW_2014, "yellow_tripdata_2014-04.csv", false),
        generated(TripFormat.GREEN_2014, "green_tripdata_2014-04.csv", false),
        generated(TripFormat.UBER_2014, "uber-raw-data-apr14.csv", false),
        generated(TripFormat.YELLOW_2015, "yellow_tripdata_2015-01.csv", false),
        generated(TripFormat.YELLOW_2014, "yellow_tripdata_2014-05.csv.gz", true),
        yellowWithStrayCarriageReturnAndCutOffLastRow());
  }

  @ParameterizedTest
  @MethodSource("fixtureFiles")
  void shouldKeepRejectAndStoreExactlyWhatTheLocalEngineDoes(String file) throws Exception {
    FileReport local = single(localEngine().ingest(List.of(file)));
    String localTable = postgres.queryString(TableDigests.TRIPS);
    String localHours = postgres.queryString(TableDigests.HOURS);
    postgres.truncateAll();

    FileReport viaSpark = single(sparkEngine(options(), null).ingest(List.of(file)));

    assertThat(viaSpark)
        .usingRecursiveComparison()
        .ignoringFields("elapsedMillis")
        .isEqualTo(local);
    assertThat(postgres.queryString(TableDigests.TRIPS)).isEqualTo(localTable);
    // the local engine sums while parsing, Spark in SQL after the load: the same rows
    assertThat(postgres.queryString(TableDigests.HOURS)).isEqualTo(localHours);
  }

  @Test
  void shouldAddNothingWhenTheSameFileIsLoadedAgain() throws Exception {
    String file = generated(TripFormat.GREEN_2014, "green_tripdata_2014-06.csv", false);
    FileReport first = single(sparkEngine(options(), null).ingest(List.of(file)));
    String tableAfterFirst = postgres.queryString(TableDigests.TRIPS);

    FileReport again = single(sparkEngine(options(), null).ingest(List.of(file)));

    assertThat(again.alreadyLoaded()).isTrue();
    assertThat(again.kept()).isEqualTo(first.kept());
    assertThat(postgres.queryString(TableDigests.TRIPS)).isEqualTo(tableAfterFirst);
  }

  @Test
  void shouldReplaceTheRowsWhenForcedToLoadAgain() throws Exception {
    String file = generated(TripFormat.UBER_2014, "uber-raw-data-jun14.csv", false);
    sparkEngine(options(), null).ingest(List.of(file));
    String tableAfterFirst = postgres.queryString(TableDigests.TRIPS);
    String hoursAfterFirst = postgres.queryString(TableDigests.HOURS);

    FileReport forced = single(sparkEngine(options().withForce(true), null).ingest(List.of(file)));

    assertThat(forced.alreadyLoaded()).isFalse();
    assertThat(postgres.queryString(TableDigests.TRIPS)).isEqualTo(tableAfterFirst);
    assertThat(postgres.queryString(TableDigests.HOURS)).isEqualTo(hoursAfterFirst);
  }

  @Test
  void shouldNoticeATaskThatStoredItsPartitionTwiceWhileTheKeysAreDropped() throws Exception {
    TripIndexes indexes = new TripIndexes(postgres.dataSource(), 1);
    indexes.dropIfEmpty();
    try {
      JavaRDD<LineResult> results = uberLines(200);
      JdbcTarget target = JdbcTarget.of(postgres.config());
      FilePipeline pipeline = new FilePipeline(spark, target);
      List<PartitionSummary> loaded = pipeline.copy(results, 0);
      long kept = FilePipeline.counts(loaded).kept();
      // a retried task whose first attempt had committed stores its partition again
      long again =
          FilePipeline.written(pipeline.copy(results.filter(r -> r.lineNumber() < 100), 0));

      assertThatThrownBy(
              () -> StoredRows.check(target, FILE_ID, kept, FilePipeline.written(loaded)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("the table holds " + (kept + again));
    } finally {
      postgres.truncateAll();
      indexes.restore();
    }
  }

  @Test
  void shouldWriteKeptTripsAsParquetPartitionedByPickupDate() throws Exception {
    String file =
        generated(
            GeneratorConfig.of(TripFormat.YELLOW_2015, ROWS).withDates(LocalDate.of(2015, 2, 1), 3),
            "yellow_tripdata_2015-02.csv");
    Path parquet = work.resolve("parquet");

    FileReport report = single(sparkEngine(options(), parquet).ingest(List.of(file)));

    Dataset<Row> trips = spark.read().parquet(parquet.toString());
    assertThat(trips.count()).isEqualTo(report.kept());
    assertThat(
            trips
                .filter(
                    functions
                        .to_date(functions.col("pickup_ts"))
                        .notEqual(functions.col("pickup_date")))
                .count())
        .isZero();
    try (Stream<Path> dates = Files.list(parquet)) {
      assertThat(dates.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .isNotEmpty()
          .allMatch(name -> name.matches("pickup_date=\\d{4}-\\d{2}-\\d{2}"));
    }
  }

  @Test
  void shouldReportExecutorsThatCannotReachTheDatabaseOnOneLineNamingTheFile() throws Exception {
    String file = generated(TripFormat.UBER_2014, "uber-raw-data-jul14.csv", false);
    DbConfig unreachable = postgres.config().withJdbcUrl("jdbc:postgresql://127.0.0.1:1/taxiscale");
    SparkEngine engine =
        new SparkEngine(spark, postgres.dataSource(), unreachable, options(), null);

    assertThatThrownBy(() -> engine.ingest(List.of(file)))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith(file + ": database unavailable: ")
        .hasMessageEndingWith("rerun to finish");
  }

  @Test
  void shouldWriteTheSameRejectsFileAsTheLocalEngine() throws Exception {
    String file = generated(TripFormat.YELLOW_2014, "yellow_tripdata_2014-07.csv", false);
    Path localRejects = work.resolve("local");
    Path sparkRejects = work.resolve("spark");
    new LocalEngine(
            postgres.dataSource(), options().withRejectsDir(localRejects), ProgressSink.NONE)
        .ingest(List.of(file));
    postgres.truncateAll();

    sparkEngine(options().withRejectsDir(sparkRejects), null).ingest(List.of(file));

    String name = "yellow_tripdata_2014-07.csv.rejects.csv";
    assertThat(sparkRejects.resolve(name)).hasSameTextualContentAs(localRejects.resolve(name));
  }

  private static String generated(TripFormat format, String name, boolean gzip) throws IOException {
    return generated(GeneratorConfig.of(format, ROWS).withGzip(gzip), name);
  }

  private static String generated(GeneratorConfig config, String name) throws IOException {
    Path path = fixtures.resolve(name);
    if (!Files.exists(path)) {
      TripGenerator.write(config, path);
    }
    return path.toString();
  }

  /**
   * Published files have a blank CRLF line after the header and a last row cut mid-line; a lone CR
   * inside a row must not end the line, or every later line number would shift.
   */
  private static String yellowWithStrayCarriageReturnAndCutOffLastRow() {
    String text = TripGenerator.text(GeneratorConfig.of(TripFormat.YELLOW_2014, ROWS));
    List<String> lines = text.lines().toList();
    StringBuilder quirky = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      quirky.append(i == 100 ? line.replaceFirst(",", ",\r") : line).append("\r\n");
    }
    quirky.append("CMT,2014-04-30 23:59:00,2014-");
    Path path = fixtures.resolve("yellow_tripdata_2014-08.csv");
    return TripFiles.writeBytes(path, quirky.toString().getBytes(StandardCharsets.US_ASCII))
        .toString();
  }

  /** Uber lines numbered and processed as the pipeline does, in two partitions. */
  private static JavaRDD<LineResult> uberLines(int rows) throws Exception {
    String text = TripGenerator.text(GeneratorConfig.of(TripFormat.UBER_2014, rows));
    TripLineProcessor processor =
        TripLineProcessor.forHeader(text.lines().findFirst().orElseThrow());
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return FilePipeline.process(sc.parallelize(text.lines().toList(), 2), processor, FILE_ID);
  }

  private static IngestOptions options() {
    return IngestOptions.defaults().withParallelism(1, 1);
  }

  private static LocalEngine localEngine() {
    return new LocalEngine(postgres.dataSource(), options(), ProgressSink.NONE);
  }

  private static SparkEngine sparkEngine(IngestOptions options, Path parquetDir) {
    return new SparkEngine(spark, postgres.dataSource(), postgres.config(), options, parquetDir);
  }

  private static FileReport single(IngestReport report) throws IngestException {
    assertThat(report.files()).hasSize(1);
    return report.files().get(0);
  }
}
