package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines load the same generated Parquet files into identical tables: same trips and ids,
 * same reject counts per reason, same hourly sums, same rejects file.
 */
class SparkParquetIngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Small row groups: a few thousand rows make several of them. */
  private static final ParquetTripSchema.Options SMALL_SNAPPY_GROUPS =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, false, false);

  /** As re-saved files have them: times as text, codes as DOUBLE, compressed with ZSTD. */
  private static final ParquetTripSchema.Options RESAVED_ZSTD =
      new ParquetTripSchema.Options(CompressionCodecName.ZSTD, 128 << 20, true, true);

  /** As pandas writes times: TIMESTAMP(NANOS), which Spark reads only as INT64 counts. */
  private static final ParquetTripSchema.Options NANOS_TIMES =
      new ParquetTripSchema.Options(
          CompressionCodecName.SNAPPY, 128 << 20, false, false, TimeUnit.NANOS);

  private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";

  private static SparkSession spark;

  @TempDir static Path fixtures;
  @TempDir Path work;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @BeforeEach
  void emptyTables() throws Exception {
    postgres.truncateAll();
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromSeveralSnappyRowGroupsReadInSeveralSplits()
      throws Exception {
    Path file = parquet(ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "yellow_2010_snappy");
    // splits smaller than the file: Spark's tasks each read some row groups
    spark.conf().set(MAX_PARTITION_BYTES, String.valueOf(64 << 10));
    try {
      assertSparkStoresWhatLocalStores(file);
    } finally {
      spark.conf().unset(MAX_PARTITION_BYTES);
    }
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromTextTimesAndDoubleCodesInZstd() throws Exception {
    assertSparkStoresWhatLocalStores(
        parquet(ParquetLayout.YELLOW_2009, RESAVED_ZSTD, "yellow_2009_zstd"));
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromThePublishedTypesInZstd() throws Exception {
    assertSparkStoresWhatLocalStores(
        parquet(ParquetLayout.YELLOW_2009, ParquetTripSchema.Options.published(), "yellow_2009"));
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromNanosecondTimes() throws Exception {
    assertSparkStoresWhatLocalStores(
        parquet(ParquetLayout.YELLOW_2010, NANOS_TIMES, "yellow_2010_nanos"));
  }

  @Test
  void shouldReadOneRowGroupInEveryWantedPartitionEachHoldingItsOwnRowsInFileOrder()
      throws Exception {
    Path file = parquet(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published(), "one");
    SparkInputs.HadoopPath path = new SparkInputs.HadoopPath(file.toUri().toString(), Map.of());

    List<List<Long>> rowsByPartition =
        new ParquetRows(ParquetLayout.YELLOW_2010, null)
            .results(spark, path, 1, 3)
            .map(LineResult::lineNumber)
            .glom()
            .collect();

    assertThat(rowsByPartition)
        .containsExactly(rows(1, 2_000), rows(2_001, 4_000), rows(4_001, 6_000));
  }

  @Test
  void shouldWriteTheSameRejectsFileAsTheLocalEngine() throws Exception {
    Path file = parquet(ParquetLayout.YELLOW_2010, SMALL_SNAPPY_GROUPS, "yellow_2010_rejects");
    Path localRejects = work.resolve("local");
    Path sparkRejects = work.resolve("spark");
    localEngine(options().withRejectsDir(localRejects)).ingest(List.of(file.toString()));
    postgres.truncateAll();

    sparkEngine(options().withRejectsDir(sparkRejects)).ingest(List.of(file.toString()));

    String name = file.getFileName() + ".rejects.csv";
    assertThat(sparkRejects.resolve(name)).hasSameTextualContentAs(localRejects.resolve(name));
  }

  private static List<Long> rows(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }

  private static void assertSparkStoresWhatLocalStores(Path file) throws Exception {
    SameTables.assertSparkStoresWhatLocalStores(postgres, spark, options(), file);
  }

  /** Generated yellow trips, a tenth of them dirty, in a Parquet layout. */
  private static Path parquet(ParquetLayout layout, ParquetTripSchema.Options options, String name)
      throws Exception {
    Path csv = fixtures.resolve("yellow_tripdata_2014-04.csv");
    if (!Files.exists(csv)) {
      TripGenerator.write(
          GeneratorConfig.of(TripFormat.YELLOW_2014, 6_000).withDirtyShare(0.1), csv);
    }
    Path file = fixtures.resolve(name + ".parquet");
    new ParquetTripWriter(layout, options).convert(csv, file);
    return file;
  }

  private static IngestOptions options() {
    return IngestOptions.defaults().withParallelism(1, 1);
  }

  private static LocalEngine localEngine(IngestOptions options) {
    return new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE);
  }

  private static SparkEngine sparkEngine(IngestOptions options) {
    return new SparkEngine(spark, postgres.dataSource(), postgres.config(), options, null);
  }
}
