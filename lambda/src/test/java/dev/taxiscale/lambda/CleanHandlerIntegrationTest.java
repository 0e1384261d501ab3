package dev.taxiscale.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.ingest.FileReport;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The function run on real S3 event JSON against a real S3-compatible server, its output loaded.
 */
class CleanHandlerIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** The bucket and key the event fixture names; the key is URL-encoded there, as S3 sends it. */
  private static final String RAW_BUCKET = "raw-trips";

  private static final String EVENT_KEY = "raw/2014/yellow+april.csv";
  private static final String RAW_KEY = "raw/2014/yellow april.csv";

  @TempDir static Path serverDir;
  private static S3Server server;
  private static S3Settings settings;
  private static S3Client s3;

  @TempDir Path dir;
  private String cleanBucket;
  private CleanHandler handler;

  @BeforeAll
  static void startServer() {
    server = S3Server.start(serverDir);
    settings =
        S3Settings.forEndpoint(
            server.endpoint(),
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Server.IDENTITY, S3Server.CREDENTIAL)));
    s3 = settings.client();
    s3.createBucket(b -> b.bucket(RAW_BUCKET));
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    server.close();
  }

  @BeforeEach
  void newCleanBucket() throws Exception {
    postgres.truncateAll();
    cleanBucket = "clean-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(cleanBucket));
    handler = new CleanHandler(s3, new CleanSettings(cleanBucket, "raw/", "clean/"));
  }

  private void upload(String key, Path file) {
    s3.putObject(b -> b.bucket(RAW_BUCKET).key(key), RequestBody.fromFile(file));
  }

  /** The fixture event, for another key where a test needs one. */
  private S3Event eventFor(String encodedKey) throws Exception {
    String json =
        new String(
                getClass().getResourceAsStream("/s3-object-created.json").readAllBytes(),
                StandardCharsets.UTF_8)
            .replace(EVENT_KEY, encodedKey);
    Path event = Files.writeString(dir.resolve("event.json"), json);
    return EventLoader.loadS3Event(event.toString());
  }

  private String read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(cleanBucket).key(key)).asUtf8String();
  }

  private List<String> cleanKeys() {
    return s3.listObjectsV2(b -> b.bucket(cleanBucket)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private IngestReport ingestClean() throws Exception {
    return new LocalEngine(
            postgres.dataSource(),
            IngestOptions.defaults().withCacheDir(dir),
            ProgressSink.NONE,
            settings)
        .ingest(List.of("s3://" + cleanBucket + "/clean/"));
  }

  @Test
  void shouldWriteTheKeptRowsAndRejectCountsOfTheObjectInTheEvent() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));
    upload(RAW_KEY, sample.path());

    handler.handleRequest(EventLoader.loadS3Event("s3-object-created.json"), null);

    JsonNode summary =
        new ObjectMapper().readTree(read("clean/2014/yellow april" + ".rejects.json"));
    assertThat(summary.get("kept").asLong()).isEqualTo(sample.kept());
    assertThat(summary.get("rejects").get("zero_coordinates").asLong()).isEqualTo(1);
    assertThat(summary.get("rejects").get("truncated_row").asLong()).isEqualTo(1);
    assertThat(read("clean/2014/yellow april.csv").lines()).hasSize(1 + (int) sample.kept());
  }

  @Test
  void shouldWriteRowsThatLoadIntoExactlyTheKeptTrips() throws Exception {
    Path raw = dir.resolve("generated.csv.gz");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.GREEN_2014, 20_000).withDirtyShare(0.05).withGzip(true), raw);
    upload(RAW_KEY, raw);
    FileReport direct =
        new LocalEngine(
                postgres.dataSource(),
                IngestOptions.defaults().withCacheDir(dir),
                ProgressSink.NONE,
                settings)
            .ingest(List.of(raw.toString()))
            .files()
            .get(0);
    postgres.truncateAll();

    handler.handleRequest(EventLoader.loadS3Event("s3-object-created.json"), null);
    FileReport loaded = ingestClean().files().get(0);

    JsonNode summary = new ObjectMapper().readTree(read("clean/2014/yellow april.rejects.json"));
    assertThat(summary.get("rows_in").asLong()).isEqualTo(direct.rowsIn());
    assertThat(summary.get("kept").asLong()).isEqualTo(direct.kept());
    assertThat(loaded.format()).isEqualTo(TripFormat.NORMALIZED);
    assertThat(loaded.rejected()).isZero();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isEqualTo(direct.kept());
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE source <> 'green'")).isZero();
  }

  @Test
  void shouldReportAnObjectThatIsNotATripFileAndWriteNothing() throws Exception {
    Path notTrips = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");
    upload("raw/notes.txt", notTrips);

    String result = handler.handleRequest(eventFor("raw/notes.txt"), null);

    assertThat(result).startsWith("s3://raw-trips/raw/notes.txt: not cleaned: not a trip CSV");
    assertThat(cleanKeys()).isEmpty();
  }

  @Test
  void shouldReportAParquetObjectInOneLineAndWriteNothing() throws Exception {
    Path csv = dir.resolve("yellow.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 1_000), csv);
    Path parquet = dir.resolve("yellow.parquet");
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published())
        .convert(csv, parquet);
    upload("raw/2014/yellow_tripdata_2014-04.parquet", parquet);

    String result =
        handler.handleRequest(eventFor("raw/2014/yellow_tripdata_2014-04.parquet"), null);

    assertThat(result)
        .isEqualTo(
            "s3://raw-trips/raw/2014/yellow_tripdata_2014-04.parquet: not cleaned: "
                + ObjectCleaner.PARQUET);
    assertThat(cleanKeys()).isEmpty();
  }

  @Test
  void shouldReportAMissingObjectWithoutRetrying() throws Exception {
    String result = handler.handleRequest(eventFor("raw/gone.csv"), null);

    assertThat(result).isEqualTo("s3://raw-trips/raw/gone.csv: not cleaned: no such object");
    assertThat(cleanKeys()).isEmpty();
  }

  @Test
  void shouldLeaveNoCleanObjectWhenTheRawObjectBreaksOffMidway() throws Exception {
    Path gz = dir.resolve("big.csv.gz");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 200_000).withGzip(true), gz);
    byte[] bytes = Files.readAllBytes(gz);
    Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    upload("raw/cut.csv.gz", cut);

    String result = handler.handleRequest(eventFor("raw/cut.csv.gz"), null);

    assertThat(result).startsWith("s3://raw-trips/raw/cut.csv.gz: not cleaned:");
    assertThat(cleanKeys()).isEmpty();
    assertThat(s3.listMultipartUploads(b -> b.bucket(cleanBucket)).uploads()).isEmpty();
  }

  @Test
  void shouldFailTheInvocationWhenTheCleanBucketCannotBeWritten() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));
    upload(RAW_KEY, sample.path());
    CleanHandler nowhere = new CleanHandler(s3, new CleanSettings("no-such-bucket", "raw/", "c/"));

    assertThatThrownBy(
            () -> nowhere.handleRequest(EventLoader.loadS3Event("s3-object-created.json"), null))
        .hasMessageStartingWith("s3://raw-trips/raw/2014/yellow april.csv: failed:");
  }
}
