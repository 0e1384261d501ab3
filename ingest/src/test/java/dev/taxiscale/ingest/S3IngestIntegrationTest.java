package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.s3.S3Location;
import dev.taxiscale.s3.S3ObjectInfo;
import dev.taxiscale.s3.S3Objects;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.S3Server;
import dev.taxiscale.testkit.SampleFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3://} inputs against a real S3-compatible server running in its own process. */
class S3IngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @TempDir static Path serverDir;
  private static S3Server server;

  @TempDir Path dir;
  private S3Bucket bucket;

  @BeforeAll
  static void startServer() {
    server = S3Server.start(serverDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void emptyDatabaseAndNewBucket() throws Exception {
    postgres.truncateAll();
    bucket = S3Bucket.create(server, "trips-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void closeClient() {
    bucket.close();
  }

  private IngestReport ingest(String... inputs) throws IngestException {
    return engine(bucket.settings()).ingest(List.of(inputs));
  }

  private LocalEngine engine(dev.taxiscale.s3.S3Settings settings) {
    return new LocalEngine(
        postgres.dataSource(),
        IngestOptions.defaults().withCacheDir(dir),
        ProgressSink.NONE,
        settings);
  }

  private static List<Long> tableIds() throws Exception {
    String ids = postgres.queryString("SELECT string_agg(id::text, ',' ORDER BY id) FROM trips");
    return ids == null ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
  }

  private static long filesDone() throws Exception {
    return postgres.queryLong("SELECT count(*) FROM ingest_files WHERE status = 'done'");
  }

  @Test
  void shouldStoreExactlyTheKeptRowsOfAnObject() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));
    String object = bucket.put("raw/yellow.csv", sample.path());

    FileReport report = ingest(object).files().get(0);

    assertThat(report.name()).isEqualTo(object);
    assertThat(report.kept()).isEqualTo(sample.kept());
    assertThat(report.rejected()).isEqualTo(sample.rowsIn() - sample.kept());
    assertThat(tableIds())
        .isEqualTo(sample.keptLines().stream().map(l -> Trip.idOf(report.fileId(), l)).toList());
  }

  @Test
  void shouldLoadEveryObjectUnderAPrefixWithCountsPerFile() throws Exception {
    SampleFile yellow = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("y.csv"));
    SampleFile green = SampleFile.writeGzip(TripFormat.GREEN_2014, dir.resolve("g.csv.gz"));
    bucket.put("raw/2014/a-yellow.csv", yellow.path());
    bucket.put("raw/2014/b-green.csv.gz", green.path());
    bucket.put("other/c.csv", yellow.path());

    IngestReport report = ingest("s3://" + bucket.name() + "/raw/");

    assertThat(report.files())
        .extracting(FileReport::name, FileReport::kept)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "s3://" + bucket.name() + "/raw/2014/a-yellow.csv", yellow.kept()),
            org.assertj.core.groups.Tuple.tuple(
                "s3://" + bucket.name() + "/raw/2014/b-green.csv.gz", green.kept()));
    assertThat(postgres.queryLong("SELECT count(*) FROM trips"))
        .isEqualTo(yellow.kept() + green.kept());
  }

  @Test
  void shouldLoadAGeneratedGzipObjectAsTheSameLocalFile() throws Exception {
    Path file = dir.resolve("generated.csv.gz");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.YELLOW_2015, 30_000).withSeed(7).withGzip(true), file);
    FileReport local = engine(bucket.settings()).ingest(List.of(file.toString())).files().get(0);
    postgres.truncateAll();

    FileReport fromS3 = ingest(bucket.put("raw/generated.csv.gz", file)).files().get(0);

    assertThat(fromS3.rowsIn()).isEqualTo(local.rowsIn());
    assertThat(fromS3.rejects()).isEqualTo(local.rejects());
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isEqualTo(local.kept());
  }

  @Test
  void shouldSkipAnObjectLoadedBeforeUntilItsEtagChanges() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));
    String object = bucket.put("raw/yellow.csv", sample.path());
    ingest(object);

    FileReport again = ingest(object).files().get(0);
    bucket.put(
        "raw/yellow.csv", SampleFile.write(TripFormat.GREEN_2014, dir.resolve("g.csv")).path());
    FileReport replaced = ingest(object).files().get(0);

    assertThat(again.alreadyLoaded()).isTrue();
    assertThat(replaced.alreadyLoaded()).isFalse();
  }

  @Test
  void shouldLoadNothingFromAnEmptyPrefixWithoutFailing() throws Exception {
    IngestReport report = ingest("s3://" + bucket.name() + "/nothing-here/");

    assertThat(report.files()).isEmpty();
  }

  @Test
  void shouldNameAMissingObject() throws Exception {
    String object = "s3://" + bucket.name() + "/raw/missing.csv";

    assertThatThrownBy(() -> ingest(object)).hasMessage(object + ": no such object");
    assertThat(filesDone()).isZero();
  }

  @Test
  void shouldNameAMissingBucket() {
    assertThatThrownBy(() -> ingest("s3://no-such-bucket/raw/"))
        .hasMessage("s3://no-such-bucket/raw/: no such bucket");
  }

  @Test
  void shouldNameAnObjectItMayNotRead() throws Exception {
    String object = bucket.put("raw/yellow.csv", "header\n");
    LocalEngine wrongKey = engine(S3Bucket.settingsFor(server.endpoint(), "not-the-secret"));

    assertThatThrownBy(() -> wrongKey.ingest(List.of(object)))
        .hasMessageStartingWith(object + ": access denied");
    assertThat(filesDone()).isZero();
  }

  @Test
  void shouldGiveUpOnAnUnreachableEndpoint() throws Exception {
    String object = "s3://" + bucket.name() + "/raw/yellow.csv";
    LocalEngine unreachable = engine(S3Bucket.settingsFor(S3Server.deadEndpoint(), "x"));

    assertThatThrownBy(() -> unreachable.ingest(List.of(object)))
        .hasMessageStartingWith(object + ": endpoint unreachable");
    assertThat(filesDone()).isZero();
  }

  @Test
  void shouldFailAReadWhenTheObjectChangesMidway() throws Exception {
    Path file = dir.resolve("big.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 5_000), file);
    String object = bucket.put("raw/big.csv", file);
    S3Objects objects = new S3Objects(bucket.client());
    S3ObjectInfo listed = objects.find(S3Location.parse(object)).get(0);

    try (InputStream in = objects.open(listed)) {
      in.readNBytes(1000);
      bucket.put("raw/big.csv", "replaced\n");

      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("changed while it was read");
    }
  }
}
