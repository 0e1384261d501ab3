package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.zones.ZoneLoader;
import dev.taxiscale.store.TaxiZones;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.SharedData;
import dev.taxiscale.testkit.StoredHighVolume;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Zone-based TLC Parquet files, genuine and generated, placed in the genuine TLC zones. */
class ZoneParquetIngestIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  private static final String PLACES =
      "SELECT string_agg(id || ':' || pickup_lon || ',' || pickup_lat || ','"
          + " || coalesce(dropoff_lon::text, '-'), ';' ORDER BY id) FROM trips";

  /** FHV files of some years: zone ids as DOUBLE, times as text. */
  private static final ParquetTripSchema.Options DOUBLE_IDS =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, true, true);

  @TempDir Path dir;

  @BeforeAll
  static void loadZones(@TempDir Path downloads) throws Exception {
    new ZoneLoader(postgres.dataSource(), downloads, DownloadLimits.defaults())
        .load(
            SharedData.require(SharedData.ZONE_SHAPEFILE).toString(),
            SharedData.require(SharedData.ZONE_LOOKUP).toString());
  }

  @BeforeEach
  void emptyTrips() throws Exception {
    postgres.truncateAll();
  }

  private FileReport ingest(Path file) throws IngestException {
    IngestOptions options = IngestOptions.defaults().withCacheDir(dir.resolve("cache"));
    return new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
        .ingest(List.of(file.toString()))
        .files()
        .get(0);
  }

  private Path generated(ParquetLayout layout, ParquetTripSchema.Options options, String name)
      throws Exception {
    return generated(layout, options, name, 0);
  }

  private Path generated(
      ParquetLayout layout, ParquetTripSchema.Options options, String name, double dirtyShare)
      throws Exception {
    Path csv = dir.resolve("source.csv");
    TripGenerator.write(
        GeneratorConfig.of(TripFormat.YELLOW_2014, 3_000).withDirtyShare(dirtyShare), csv);
    Path file = dir.resolve(name);
    ZoneMap zones = new TaxiZones(postgres.dataSource()).load();
    new ParquetTripWriter(layout, options, zones).convert(csv, file);
    return file;
  }

  @Test
  void shouldLoadTheGenuineGreenFileAtZonePrecision() throws Exception {
    FileReport report = ingest(SharedData.require(SharedData.GREEN_2024_01));

    assertThat(report.rowsIn()).isEqualTo(56_551);
    assertThat(report.kept()).isGreaterThan(45_000);
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE precision <> 'zone'")).isZero();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE pickup_zone IS NULL")).isZero();
  }

  @Test
  void shouldCountPickupsBeforeTheFilesMonthAsRejects() throws Exception {
    FileReport report = ingest(SharedData.require(SharedData.GREEN_2024_01));

    assertThat(report.rejects()).containsKey(Reason.PICKUP_OUTSIDE_FILE_MONTH.code());
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE pickup_ts < '2024-01-01'"))
        .isZero();
  }

  @Test
  void shouldPutEveryPickupInsideItsZone() throws Exception {
    ingest(SharedData.require(SharedData.GREEN_2024_01));
    ZoneMap zones = new TaxiZones(postgres.dataSource()).load();

    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT pickup_zone, pickup_lon, pickup_lat FROM trips LIMIT 2000")) {
      while (rs.next()) {
        assertThat(zones.shape(rs.getInt(1)).contains(rs.getDouble(2), rs.getDouble(3)))
            .as("trip in zone %d", rs.getInt(1))
            .isTrue();
      }
    }
  }

  @Test
  void shouldPlaceEveryTripTheSameOnReload() throws Exception {
    Path file = SharedData.require(SharedData.GREEN_2024_01);
    ingest(file);
    String first = postgres.queryString(PLACES);

    postgres.truncateAll();
    ingest(file);

    assertThat(postgres.queryString(PLACES)).isEqualTo(first);
  }

  @Test
  void shouldKeepTheZoneSumsOfAForcedReload() throws Exception {
    Path file = SharedData.require(SharedData.GREEN_2024_01);
    ingest(file);
    String zoneTrips = "SELECT sum(trips) FROM zone_hours";
    long summed = postgres.queryLong(zoneTrips);

    IngestOptions force =
        IngestOptions.defaults().withCacheDir(dir.resolve("cache")).withForce(true);
    new LocalEngine(postgres.dataSource(), force, ProgressSink.NONE)
        .ingest(List.of(file.toString()));

    assertThat(summed).isEqualTo(postgres.queryLong("SELECT count(*) FROM trips"));
    assertThat(postgres.queryLong(zoneTrips)).isEqualTo(summed);
  }

  @Test
  void shouldLoadGeneratedYellowZoneTripsKeepingTheirZones() throws Exception {
    Path file =
        generated(
            ParquetLayout.YELLOW_ZONES,
            ParquetTripSchema.Options.published(),
            "yellow_zones.parquet");

    FileReport report = ingest(file);

    assertThat(report.format()).isEqualTo(ParquetLayout.YELLOW_ZONES);
    assertThat(report.kept()).isGreaterThan(2_000);
    assertThat(postgres.queryLong("SELECT count(DISTINCT pickup_zone) FROM trips"))
        .isGreaterThan(20);
  }

  @Test
  void shouldStoreTheHighVolumeFieldsTheFileHolds() throws Exception {
    Path file =
        generated(
            ParquetLayout.FHVHV_ZONES, ParquetTripSchema.Options.published(), "fhvhv.parquet");

    FileReport report = ingest(file);

    Map<Long, HighVolume> stored = StoredHighVolume.byRow(postgres.dataSource());
    Map<Long, HighVolume> inFile = HighVolumeRecords.read(file);
    assertThat(stored).hasSize((int) report.kept()).hasSizeGreaterThan(2_000);
    stored.forEach(
        (row, fields) -> assertThat(fields).as("row %d", row).isEqualTo(inFile.get(row)));
    // every kind of value made it, so the comparison above cannot pass on nulls alone
    assertThat(stored.values())
        .extracting(HighVolume::sharedRequest)
        .contains(true, false)
        .doesNotContainNull();
    assertThat(stored.values()).extracting(HighVolume::accessARide).contains(false).containsNull();
    assertThat(stored.values()).filteredOn(f -> f.tips() > 0).isNotEmpty();
    assertThat(stored.values()).filteredOn(f -> f.onSceneAt() != null).isNotEmpty();
  }

  @Test
  void shouldLeaveTheHighVolumeFieldsOfOtherFilesEmpty() throws Exception {
    ingest(
        generated(
            ParquetLayout.YELLOW_ZONES, ParquetTripSchema.Options.published(), "yellow.parquet"));

    assertThat(
            postgres.queryLong(
                "SELECT count(*) FROM trips WHERE num_nonnulls(tips, driver_pay, request_ts,"
                    + " on_scene_ts, shared_request, shared_match, access_a_ride, wav_request,"
                    + " wav_match) > 0"))
        .isZero();
  }

  @Test
  void shouldReadFhvZoneIdsStoredAsDoubles() throws Exception {
    Path file = generated(ParquetLayout.FHV_ZONES, DOUBLE_IDS, "fhv_double_ids.parquet");

    FileReport report = ingest(file);

    assertThat(report.format()).isEqualTo(ParquetLayout.FHV_ZONES);
    assertThat(report.kept()).isGreaterThan(2_000);
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE source = 'fhv'"))
        .isEqualTo(report.kept());
  }

  @Test
  void shouldRejectPickupsInZonesWithoutAShape() throws Exception {
    Path file =
        generated(
            ParquetLayout.GREEN_ZONES, ParquetTripSchema.Options.published(), "green.parquet", 0.1);

    FileReport report = ingest(file);

    // pickups without a GPS fix (0, 0) lie in no zone and are written as 264, "Unknown"
    assertThat(report.rejects()).containsKey(Reason.ZONE_WITHOUT_SHAPE.code());
  }
}
