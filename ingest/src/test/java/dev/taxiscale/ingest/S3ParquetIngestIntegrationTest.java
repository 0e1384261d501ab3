package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.s3.ObjectChangedException;
import dev.taxiscale.s3.S3Location;
import dev.taxiscale.s3.S3Objects;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet objects in S3, read in place through ranged GETs against a real S3-compatible server in
 * its own process: they load as the same file read from local disk does.
 */
class S3ParquetIngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Several row groups, so that readers seek between them. */
  private static final ParquetTripSchema.Options SMALL_SNAPPY_GROUPS =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, false, false);

  /** Each row's number in its file and every stored column but the id. */
  private static final String ROWS_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM"
          + " (SELECT id & 4294967295 AS row_number, pickup_ts, dropoff_ts, source, vendor,"
          + " pickup_lon, pickup_lat, dropoff_lon, dropoff_lat, passengers, distance_mi, fare,"
          + " total, payment, rate_code FROM trips) t";

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
    bucket = S3Bucket.create(server, "parquet-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void closeClient() {
    bucket.close();
  }

  @Test
  void shouldLoadAParquetObjectAsTheSameLocalFile() throws Exception {
    Path file = generatedParquet("yellow_tripdata_2014-04.parquet", SMALL_SNAPPY_GROUPS);
    FileReport local = ingest(file.toString());
    String localRows = postgres.queryString(ROWS_DIGEST);
    postgres.truncateAll();

    FileReport fromS3 = ingest(bucket.put("raw/yellow_tripdata_2014-04.parquet", file));

    assertThat(fromS3.format()).isEqualTo(ParquetLayout.YELLOW_2010);
    assertThat(fromS3.rowsIn()).isEqualTo(local.rowsIn()).isEqualTo(20_000);
    assertThat(fromS3.rejects()).isEqualTo(local.rejects()).isNotEmpty();
    assertThat(postgres.queryString(ROWS_DIGEST)).isEqualTo(localRows);
  }

  @Test
  void shouldLoadAParquetObjectOfOneLargeRowGroupAsTheSameLocalFile() throws Exception {
    Path file = generatedParquet("published.parquet", ParquetTripSchema.Options.published());
    FileReport local = ingest(file.toString());
    String localRows = postgres.queryString(ROWS_DIGEST);
    postgres.truncateAll();

    FileReport fromS3 = ingest(bucket.put("raw/published.parquet", file));

    assertThat(fromS3.rejects()).isEqualTo(local.rejects());
    assertThat(postgres.queryString(ROWS_DIGEST)).isEqualTo(localRows);
  }

  /** As files without an offset index (pyarrow's) are read: a whole row group at a time. */
  @Test
  void shouldReadTheWholeRowGroupsOfAnObjectAsThoseOfTheLocalFile() throws Exception {
    Path file = generatedParquet("y.parquet", SMALL_SNAPPY_GROUPS);
    InputFile object = listed(bucket.put("raw/y.parquet", file));

    assertThat(ParquetRangeReaderTest.rows(ParquetInputs.of(object), 1, false))
        .hasSize(20_000)
        .isEqualTo(ParquetRangeReaderTest.rows(new LocalInputFile(file), 1, false));
  }

  @Test
  void shouldTellAParquetObjectByItsBytesWhateverItsName() throws Exception {
    Path file = generatedParquet("download", SMALL_SNAPPY_GROUPS);

    FileReport fromS3 = ingest(bucket.put("raw/download", file));

    assertThat(fromS3.format()).isEqualTo(ParquetLayout.YELLOW_2010);
  }

  @Test
  void shouldRefuseAParquetObjectCutOffBeforeItsFooter() throws Exception {
    byte[] whole = Files.readAllBytes(generatedParquet("whole.parquet", SMALL_SNAPPY_GROUPS));
    Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(whole, whole.length / 2));

    assertRefusedInOneLine(
        bucket.put("raw/yellow_tripdata_2010-04.parquet", cut),
        "truncated Parquet file (no footer; download it again)");
  }

  @Test
  void shouldRefuseAnHtmlErrorPageStoredAsParquet() throws Exception {
    String page =
        bucket.put(
            "raw/yellow_tripdata_2024-01.parquet",
            "<!DOCTYPE html>\n<html><body>403 Forbidden</body></html>\n");

    assertRefusedInOneLine(page, "not a Parquet file (it starts with '<!DOCTYPE html>')");
  }

  @Test
  void shouldRefuseACsvObjectNamedParquet() throws Exception {
    Path csv = dir.resolve("green.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.GREEN_2014, 100), csv);

    assertRefusedInOneLine(
        bucket.put("raw/green_tripdata_2014-04.parquet", csv),
        "not a Parquet file (it starts with 'VendorID,");
  }

  @Test
  void shouldFailAParquetReadWhenTheObjectIsReplacedAfterItsFooterWasRead() throws Exception {
    Path file = generatedParquet("y.parquet", SMALL_SNAPPY_GROUPS);
    InputFile object = listed(bucket.put("raw/y.parquet", file));

    try (ParquetFileReader reader = ParquetProjection.open(ParquetInputs.of(object))) {
      bucket.put("raw/y.parquet", dir.resolve("source.csv"));

      assertThatThrownBy(reader::readNextRowGroup)
          .isInstanceOf(IOException.class)
          .hasMessage("the object changed while it was read (its ETag no longer matches)");
    }
  }

  @Test
  void shouldFailAParserWhoseRowRangeIsReadAfterTheObjectWasReplaced() throws Exception {
    Path file = generatedParquet("y.parquet", SMALL_SNAPPY_GROUPS);
    InputFile object = listed(bucket.put("raw/y.parquet", file));
    // the generator writes an offset index: each parser reads its own row ranges
    ParquetRangeTrips source = (ParquetRangeTrips) ParquetTrips.open(object).source();
    List<ParquetRowRange> ranges = new ArrayList<>();
    source.read(ranges::add);
    bucket.put("raw/y.parquet", dir.resolve("source.csv"));
    BatchSource.Parser<ParquetRowRange> parser = source.parser(1, new Tally(0));

    try {
      assertThatThrownBy(() -> parser.parse(ranges.get(0)))
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(ObjectChangedException.class);
    } finally {
      parser.close();
    }
  }

  @Test
  void shouldReadOnInTheOpenRangeAfterANearSeekAndOpenAnotherAfterAFarOne() throws Exception {
    byte[] bytes = new byte[3 << 20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 251);
    }
    InputFile object = listed(bucket.put("raw/bytes", Files.write(dir.resolve("bytes"), bytes)));
    byte[] read = new byte[100];

    try (S3SeekableStream in = (S3SeekableStream) ParquetInputs.of(object).newStream()) {
      in.readFully(read);
      in.seek(1_000);
      in.readFully(read);
      int afterNearSeek = in.rangesOpened();
      in.seek(bytes.length - 100);
      in.readFully(read);
      int afterFarSeek = in.rangesOpened();
      in.seek(0);
      in.readFully(read);

      assertThat(afterNearSeek).isEqualTo(1);
      assertThat(afterFarSeek).isEqualTo(2);
      assertThat(in.rangesOpened()).isEqualTo(3);
      assertThat(read).isEqualTo(Arrays.copyOf(bytes, 100));
    }
  }

  @Test
  void shouldReadTheLastBytesOfAnObjectAfterAFarSeek() throws Exception {
    byte[] bytes = new byte[3 << 20];
    Arrays.fill(bytes, bytes.length - 4, bytes.length, (byte) 'X');
    InputFile object = listed(bucket.put("raw/bytes", Files.write(dir.resolve("bytes"), bytes)));
    byte[] last = new byte[4];

    try (SeekableInputStream in = ParquetInputs.of(object).newStream()) {
      in.seek(bytes.length - 4);
      in.readFully(last);

      assertThat(last).containsOnly((byte) 'X');
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  private void assertRefusedInOneLine(String object, String why) throws Exception {
    assertThatThrownBy(() -> ingest(object))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith(object + ": " + why)
        .hasMessageNotContaining("\n");
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  private Path generatedParquet(String name, ParquetTripSchema.Options with) throws Exception {
    Path csv = dir.resolve("source.csv");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.YELLOW_2014, 20_000).withSeed(11).withDirtyShare(0.1), csv);
    Path file = dir.resolve(name);
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, with).convert(csv, file);
    return file;
  }

  private FileReport ingest(String input) throws IngestException {
    List<FileReport> files =
        new LocalEngine(
                postgres.dataSource(),
                IngestOptions.defaults().withCacheDir(dir.resolve("cache")),
                ProgressSink.NONE,
                bucket.settings())
            .ingest(List.of(input))
            .files();
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  /** The object as the engines list it, read through the bucket's client. */
  private InputFile listed(String object) throws IOException {
    S3Objects objects = new S3Objects(bucket.client());
    return InputFile.of(
        object, new S3Source(objects, objects.find(S3Location.parse(object)).get(0)));
  }
}
