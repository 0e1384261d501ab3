package dev.taxiscale.spark;

import static dev.taxiscale.spark.SameTables.assertSparkStoresWhatLocalStores;
import static dev.taxiscale.testkit.StoredHighVolume.amount;
import static dev.taxiscale.testkit.StoredHighVolume.flag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.ingest.DownloadLimits;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.zones.ZoneLoader;
import dev.taxiscale.store.TaxiZones;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.SharedData;
import dev.taxiscale.testkit.StoredHighVolume;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines load zone-based Parquet files, genuine and generated, into identical tables: same
 * trips, zone ids and points placed inside the zones, same reject counts per reason.
 */
class SparkZoneParquetIngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** FHV files of some years: zone ids as DOUBLE, times as text, several row groups. */
  private static final ParquetTripSchema.Options RESAVED_SNAPPY =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, true, true);

  private static SparkSession spark;

  @TempDir static Path fixtures;

  @BeforeAll
  static void loadZones(@TempDir Path downloads) throws Exception {
    spark = TestSpark.session();
    new ZoneLoader(postgres.dataSource(), downloads, DownloadLimits.defaults())
        .load(
            SharedData.require(SharedData.ZONE_SHAPEFILE).toString(),
            SharedData.require(SharedData.ZONE_LOOKUP).toString());
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromTheGenuineGreenFile() throws Exception {
    same(SharedData.require(SharedData.GREEN_2024_01));
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromGeneratedGreenTrips() throws Exception {
    same(generated(ParquetLayout.GREEN_ZONES, ParquetTripSchema.Options.published(), "green"));
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromGeneratedHighVolumeForHireTrips() throws Exception {
    same(generated(ParquetLayout.FHVHV_ZONES, ParquetTripSchema.Options.published(), "fhvhv"));
  }

  /** The tables compare whole rows; this shows the high-volume fields are in them, as written. */
  @Test
  void shouldStoreTheHighVolumeFieldsTheFileHolds() throws Exception {
    Path file =
        generated(ParquetLayout.FHVHV_ZONES, ParquetTripSchema.Options.published(), "fhvhv");
    same(file);

    Map<Long, HighVolume> stored = StoredHighVolume.byRow(postgres.dataSource());
    Map<Long, HighVolume> inFile = highVolumeBySpark(file);
    assertThat(stored).hasSizeGreaterThan(2_000);
    stored.forEach(
        (row, fields) -> assertThat(fields).as("row %d", row).isEqualTo(inFile.get(row)));
    assertThat(stored.values()).extracting(HighVolume::wavMatch).contains(true, false);
    assertThat(stored.values()).extracting(HighVolume::accessARide).contains(false).containsNull();
    assertThat(stored.values()).filteredOn(f -> f.driverPay() > 0).isNotEmpty();
  }

  /**
   * The file's fields by row number (Spark's 0-based row index + 1), as Spark's own reader gives
   * them.
   */
  private static Map<Long, HighVolume> highVolumeBySpark(Path file) {
    Map<Long, HighVolume> rows = new HashMap<>();
    for (Row r :
        spark
            .read()
            .parquet(file.toString())
            .select(
                "tips",
                "driver_pay",
                "request_datetime",
                "on_scene_datetime",
                "shared_request_flag",
                "shared_match_flag",
                "access_a_ride_flag",
                "wav_request_flag",
                "wav_match_flag",
                "_metadata.row_index")
            .collectAsList()) {
      rows.put(
          r.getLong(9) + 1,
          new HighVolume(
              amount((Double) r.get(0)),
              amount((Double) r.get(1)),
              (LocalDateTime) r.get(2),
              (LocalDateTime) r.get(3),
              flag(r.getString(4)),
              flag(r.getString(5)),
              flag(r.getString(6)),
              flag(r.getString(7)),
              flag(r.getString(8))));
    }
    return rows;
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromForHireIdsStoredAsDoubles() throws Exception {
    same(generated(ParquetLayout.FHV_ZONES, RESAVED_SNAPPY, "fhv"));
  }

  @Test
  void shouldStoreWhatTheLocalEngineStoresFromGeneratedYellowZoneTrips() throws Exception {
    same(generated(ParquetLayout.YELLOW_ZONES, ParquetTripSchema.Options.published(), "yellow"));
  }

  private static void same(Path file) throws Exception {
    IngestOptions options =
        IngestOptions.defaults().withParallelism(1, 1).withCacheDir(fixtures.resolve("cache"));
    assertSparkStoresWhatLocalStores(postgres, spark, options, file);
  }

  /** Generated trips of April 2014, a tenth of them dirty, named as the TLC names the month. */
  private static Path generated(
      ParquetLayout layout, ParquetTripSchema.Options options, String kind) throws Exception {
    Path csv = fixtures.resolve("source.csv");
    if (!csv.toFile().exists()) {
      TripGenerator.write(
          GeneratorConfig.of(TripFormat.YELLOW_2014, 4_000).withDirtyShare(0.1), csv);
    }
    Path file = fixtures.resolve(kind + "_tripdata_2014-04.parquet");
    new ParquetTripWriter(layout, options, new TaxiZones(postgres.dataSource()).load())
        .convert(csv, file);
    return file;
  }
}
