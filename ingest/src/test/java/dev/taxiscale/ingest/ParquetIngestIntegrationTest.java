package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ParquetIngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Every stored column but the id, which counts CSV lines but Parquet rows. */
  private static final String TRIPS_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM"
          + " (SELECT pickup_ts, dropoff_ts, source, vendor, pickup_lon, pickup_lat, dropoff_lon,"
          + " dropoff_lat, passengers, distance_mi, fare, total, payment, rate_code FROM trips) t";

  private static final ParquetTripSchema.Options SMALL_SNAPPY_GROUPS =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, false, false);

  private static final ParquetTripSchema.Options RESAVED_ZSTD =
      new ParquetTripSchema.Options(CompressionCodecName.ZSTD, 128 << 20, true, true);

  @TempDir Path dir;

  private IngestOptions options;

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.truncateAll();
    options =
        IngestOptions.defaults()
            .withCacheDir(dir.resolve("cache"))
            .withProgressInterval(Duration.ofMillis(50));
  }

  private IngestReport ingest(Path file) throws IngestException {
    return new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
        .ingest(List.of(file.toString()));
  }

  private Path generatedCsv(long rows, double dirtyShare) throws Exception {
    Path csv = dir.resolve("yellow_tripdata_2014-04.csv");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.YELLOW_2014, rows).withDirtyShare(dirtyShare), csv);
    return csv;
  }

  private Path parquet(Path csv, ParquetLayout layout, ParquetTripSchema.Options with, String name)
      throws Exception {
    Path file = dir.resolve(name);
    new ParquetTripWriter(layout, with).convert(csv, file);
    return file;
  }

  private String loadedDigest(Path file) throws Exception {
    postgres.truncateAll();
    ingest(file);
    return postgres.queryString(TRIPS_DIGEST);
  }

  @Test
  void shouldStoreTheSameTripsFromSeveralSnappyRowGroupsAsFromTheCsv() throws Exception {
    Path csv = generatedCsv(20_000, 0);
    Path file = parquet(csv, ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "y2010.parquet");

    assertThat(loadedDigest(file)).isEqualTo(loadedDigest(csv));
  }

  @Test
  void shouldStoreTheSameTripsFromTextTimesAndDoubleCodesInZstdAsFromTheCsv() throws Exception {
    Path csv = generatedCsv(5_000, 0);
    Path file = parquet(csv, ParquetLayout.YELLOW_2009, RESAVED_ZSTD, "y2009.parquet");

    assertThat(loadedDigest(file)).isEqualTo(loadedDigest(csv));
  }

  @Test
  void shouldNumberTripsByFileAndRowAndCountEveryRowOnce() throws Exception {
    Path csv = generatedCsv(3_000, 0.1);
    Path file = parquet(csv, ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "dirty.parquet");

    FileReport report = ingest(file).files().get(0);

    assertThat(report.format()).isEqualTo(ParquetLayout.YELLOW_2010);
    assertThat(report.rowsIn()).isEqualTo(3_000);
    assertThat(report.rejected()).isPositive();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isEqualTo(report.kept());
    long firstRowId = (long) report.fileId() << 32 | 1;
    assertThat(postgres.queryLong("SELECT min(id) FROM trips")).isGreaterThanOrEqualTo(firstRowId);
    assertThat(postgres.queryLong("SELECT max(id) FROM trips"))
        .isLessThanOrEqualTo(firstRowId + 2_999);
  }

  @Test
  void shouldLoadTheSameParquetFileOnlyOnce() throws Exception {
    Path file =
        parquet(
            generatedCsv(1_000, 0), ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "a.parquet");
    ingest(file);

    FileReport second = ingest(file).files().get(0);

    assertThat(second.alreadyLoaded()).isTrue();
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isEqualTo(1);
  }

  @Test
  void shouldReadAParquetFileWhateverItsName() throws Exception {
    Path file =
        parquet(generatedCsv(1_000, 0), ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "download");

    assertThat(ingest(file).files().get(0).format()).isEqualTo(ParquetLayout.YELLOW_2010);
  }

  @Test
  void shouldWriteRejectedRowsWithTheirValuesToTheRejectsFile() throws Exception {
    Path file =
        parquet(
            generatedCsv(2_000, 0.2), ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "r.parquet");
    options = options.withRejectsDir(dir.resolve("rejects"));

    ingest(file);

    List<String> lines = Files.readAllLines(dir.resolve("rejects/r.parquet.rejects.csv"));
    assertThat(lines.get(0)).isEqualTo(RejectSamples.HEADER);
    assertThat(lines.get(1)).matches("\\d+,[a-z_]+,.*").doesNotContain("null");
  }
}
