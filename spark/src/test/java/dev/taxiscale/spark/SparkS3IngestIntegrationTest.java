package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.S3Server;
import dev.taxiscale.testkit.SampleFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3://} and {@code s3a://} inputs for the Spark engine against a real S3-compatible server
 * in its own process: the driver checks objects as the local engine does, executors read them
 * through Hadoop's S3A connector.
 */
class SparkS3IngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Small row groups: a few thousand rows make several of them. */
  private static final ParquetTripSchema.Options SMALL_SNAPPY_GROUPS =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, false, false);

  private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";

  /** Unique per run: S3A caches its file system per bucket for the life of the JVM. */
  private static final String BUCKET = "spark-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir static Path serverDir;
  private static S3Server server;
  private static S3Settings settings;
  private static S3Client client;
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startServerAndSpark() {
    server = S3Server.start(serverDir);
    settings =
        S3Settings.forEndpoint(
            server.endpoint(),
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Server.IDENTITY, S3Server.CREDENTIAL)));
    client = settings.client();
    client.createBucket(b -> b.bucket(BUCKET));
    spark = TestSpark.session();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @BeforeEach
  void emptyTables() throws Exception {
    postgres.truncateAll();
  }

  @Test
  void shouldStoreExactlyTheKeptRowsOfAnObject() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));
    String object = put("raw/yellow.csv", sample.path());

    FileReport report = single(sparkEngine().ingest(List.of(object)));

    assertThat(report.name()).isEqualTo(object);
    assertThat(report.kept()).isEqualTo(sample.kept());
    assertThat(report.rejected()).isEqualTo(sample.rowsIn() - sample.kept());
    assertThat(tableIds())
        .isEqualTo(sample.keptLines().stream().map(l -> Trip.idOf(report.fileId(), l)).toList());
  }

  @Test
  void shouldCountAnS3aObjectAsTheLocalEngineCountsIt() throws Exception {
    Path file = dir.resolve("generated.csv.gz");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.YELLOW_2015, 20_000).withSeed(7).withGzip(true), file);
    String object = put("raw/generated.csv.gz", file);
    FileReport local = single(localEngine().ingest(List.of(object)));
    long localRows = postgres.queryLong("SELECT count(*) FROM trips");
    postgres.truncateAll();

    FileReport viaSpark = single(sparkEngine().ingest(List.of(object.replace("s3://", "s3a://"))));

    assertThat(viaSpark)
        .usingRecursiveComparison()
        .ignoringFields("elapsedMillis")
        .isEqualTo(local);
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isEqualTo(localRows);
  }

  @Test
  void shouldSkipAnObjectTheLocalEngineLoadedUntilItsEtagChanges() throws Exception {
    String object =
        put("raw/green.csv", SampleFile.write(TripFormat.GREEN_2014, dir.resolve("g.csv")).path());
    localEngine().ingest(List.of(object));

    FileReport again = single(sparkEngine().ingest(List.of(object)));
    put("raw/green.csv", SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("y.csv")).path());
    FileReport replaced = single(sparkEngine().ingest(List.of(object)));

    assertThat(again.alreadyLoaded()).isTrue();
    assertThat(replaced.alreadyLoaded()).isFalse();
  }

  @Test
  void shouldNameAMissingObjectAndMarkNothingLoaded() throws Exception {
    String object = "s3://" + BUCKET + "/raw/missing.csv";

    assertThatThrownBy(() -> sparkEngine().ingest(List.of(object)))
        .isInstanceOf(IngestException.class)
        .hasMessage(object + ": no such object");
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
  }

  @Test
  void shouldLoadAnObjectNamedOnTheCommandLineWithKeysFromTheStandardChain() throws Exception {
    // a bucket of its own, so that S3A opens it with the command line's settings
    String bucket = BUCKET + "-cli";
    client.createBucket(b -> b.bucket(bucket));
    Path uber = dir.resolve("uber.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.UBER_2014, 500), uber);
    client.putObject(b -> b.bucket(bucket).key("raw/uber.csv"), RequestBody.fromFile(uber));

    Run run = runMain("s3a://" + bucket + "/raw/uber.csv");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("s3://" + bucket + "/raw/uber.csv: 500 rows, ");
    assertThat(postgres.queryLong("SELECT count(*) FROM trips"))
        .isEqualTo(postgres.queryLong("SELECT kept FROM ingest_files"));
  }

  @Test
  void shouldExitNonZeroWithOneLineNamingAMissingObjectOnTheCommandLine() throws Exception {
    String object = "s3a://" + BUCKET + "/raw/missing.csv";

    Run run = runMain(object);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("taxiscale-spark-ingest: " + object + ": no such object\n");
  }

  @Test
  void shouldLoadAParquetObjectAsTheLocalEngineLoadsTheSameLocalFile() throws Exception {
    Path file = dir.resolve("yellow_tripdata_2014-04.parquet");
    Path csv = dir.resolve("source.csv");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.YELLOW_2014, 20_000).withSeed(5).withDirtyShare(0.1), csv);
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS).convert(csv, file);
    FileReport local = single(localEngine().ingest(List.of(file.toString())));
    String localTrips = postgres.queryString(TableDigests.TRIPS);
    String localHours = postgres.queryString(TableDigests.HOURS);
    postgres.truncateAll();
    String object = put("raw/yellow_tripdata_2014-04.parquet", file);

    FileReport viaSpark;
    // splits smaller than the file: several tasks each read their row ranges through S3A
    spark.conf().set(MAX_PARTITION_BYTES, String.valueOf(64 << 10));
    try {
      viaSpark = single(sparkEngine().ingest(List.of(object)));
    } finally {
      spark.conf().unset(MAX_PARTITION_BYTES);
    }

    assertThat(viaSpark.format()).isEqualTo(ParquetLayout.YELLOW_2010);
    assertThat(viaSpark.rowsIn()).isEqualTo(local.rowsIn()).isEqualTo(20_000);
    assertThat(viaSpark.rejects()).isEqualTo(local.rejects()).isNotEmpty();
    assertThat(postgres.queryString(TableDigests.TRIPS)).isEqualTo(localTrips);
    assertThat(postgres.queryString(TableDigests.HOURS)).isEqualTo(localHours);
  }

  @Test
  void shouldRefuseAParquetObjectCutOffBeforeItsFooterInTheLocalEnginesWords() throws Exception {
    Path whole = dir.resolve("whole.parquet");
    Path csv = dir.resolve("source.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 2_000), csv);
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS).convert(csv, whole);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));

    assertRefusedAsTheLocalEngineRefuses(
        put("raw/yellow_tripdata_2010-04.parquet", cut),
        "truncated Parquet file (no footer; download it again)");
  }

  @Test
  void shouldRefuseAnHtmlPageStoredAsParquetInTheLocalEnginesWords() throws Exception {
    Path page = dir.resolve("page.html");
    Files.writeString(page, "<!DOCTYPE html>\n<html><body>403 Forbidden</body></html>\n");

    assertRefusedAsTheLocalEngineRefuses(
        put("raw/yellow_tripdata_2024-01.parquet", page),
        "not a Parquet file (it starts with '<!DOCTYPE html>')");
  }

  private void assertRefusedAsTheLocalEngineRefuses(String object, String why) throws Exception {
    Throwable local = catchThrowable(() -> localEngine().ingest(List.of(object)));

    assertThatThrownBy(() -> sparkEngine().ingest(List.of(object)))
        .isInstanceOf(IngestException.class)
        .hasMessage(local.getMessage())
        .hasMessage(object + ": " + why);
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  /** What one command printed and returned. */
  record Run(int exitCode, String out, String err) {}

  /**
   * The command line with the endpoint flag; keys from the SDK's standard chain (its system
   * properties here), which S3A on the executors resolves as well.
   */
  private Run runMain(String input) throws Exception {
    SparkIngestMain main = new SparkIngestMain();
    new CommandLine(main)
        .parseArgs(
            "--jdbc-url",
            postgres.jdbcUrl(),
            "--s3-endpoint",
            server.endpoint().toString(),
            "--cache-dir",
            dir.toString(),
            input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setProperty("aws.accessKeyId", S3Server.IDENTITY);
    System.setProperty("aws.secretAccessKey", S3Server.CREDENTIAL);
    try {
      int exit =
          main.run(
              spark,
              // the password comes only from the environment, which a test cannot set in-process
              main.dbConfig()
                  .withCredentials(postgres.config().user(), postgres.config().password()),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private static String put(String key, Path file) {
    client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
    return "s3://" + BUCKET + "/" + key;
  }

  private static List<Long> tableIds() throws Exception {
    String ids = postgres.queryString("SELECT string_agg(id::text, ',' ORDER BY id) FROM trips");
    return ids == null ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
  }

  private IngestOptions options() {
    return IngestOptions.defaults().withCacheDir(dir);
  }

  private LocalEngine localEngine() {
    return new LocalEngine(postgres.dataSource(), options(), ProgressSink.NONE, settings);
  }

  private SparkEngine sparkEngine() {
    return new SparkEngine(
        spark,
        postgres.dataSource(),
        postgres.config(),
        options(),
        null,
        ProgressSink.NONE,
        settings);
  }

  private static FileReport single(IngestReport report) {
    assertThat(report.files()).hasSize(1);
    return report.files().get(0);
  }
}
