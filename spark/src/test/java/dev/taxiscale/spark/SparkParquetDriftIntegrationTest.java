package dev.taxiscale.spark;

import static dev.taxiscale.spark.DriftFiles.instantMillis;
import static dev.taxiscale.spark.DriftFiles.int96;
import static dev.taxiscale.spark.DriftFiles.wallClockMicros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift of real files read by Spark as by the local engine: names in any case, codes as INT32,
 * INT64 or DOUBLE, a FLOAT distance, a DECIMAL fare, all-null columns (one of Parquet's null type),
 * and times as wall clock, as UTC instants or as INT96, stored in NYC time whatever Spark's session
 * time zone.
 */
class SparkParquetDriftIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  private static final String SESSION_ZONE = "spark.sql.session.timeZone";

  /** A spring evening (EDT, UTC-4) and a winter morning (EST, UTC-5). */
  private static final LocalDateTime SPRING = LocalDateTime.of(2010, 4, 1, 21, 0);

  private static final LocalDateTime WINTER = LocalDateTime.of(2010, 1, 15, 8, 30);

  /** 2010 names, spelled in other cases; all-null rate codes and a null-typed airport fee. */
  private static final String COLUMNS =
      "optional binary VENDOR_ID (STRING); optional int32 Passenger_Count;"
          + " optional float trip_distance; optional double Pickup_Longitude;"
          + " optional double pickup_latitude; optional double dropoff_longitude;"
          + " optional double dropoff_latitude; optional double payment_type;"
          + " optional int64 rate_code; optional int32 fare_amount (DECIMAL(9,2));"
          + " optional double total_amount; optional int32 airport_fee (UNKNOWN);";

  /** Pickup as wall clock, drop-off as INT96. */
  private static final MessageType WALL_CLOCK_AND_INT96 =
      MessageTypeParser.parseMessageType(
          "message m { optional int64 pickup_datetime (TIMESTAMP(MICROS,false));"
              + " optional int96 dropoff_datetime; "
              + COLUMNS
              + " }");

  /** Pickup as an instant in UTC, drop-off as wall clock in milliseconds. */
  private static final MessageType INSTANT_AND_WALL_CLOCK_MILLIS =
      MessageTypeParser.parseMessageType(
          "message m { optional int64 pickup_datetime (TIMESTAMP(MILLIS,true));"
              + " optional int64 dropoff_datetime (TIMESTAMP(MILLIS,false)); "
              + COLUMNS
              + " }");

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @BeforeEach
  void emptyTablesAndAFarAwaySessionZone() throws Exception {
    postgres.truncateAll();
    spark.conf().set(SESSION_ZONE, "Asia/Tokyo");
  }

  @AfterEach
  void restoreSessionZone() {
    spark.conf().unset(SESSION_ZONE);
  }

  @Test
  void shouldStoreWallClockAndInt96TimesInNewYorkTimeAsTheLocalEngineDoes() throws Exception {
    Path file =
        DriftFiles.write(
            // a winter and a spring ride: a name without a month, which would refuse one of them
            dir.resolve("yellow-2010-wall-clock.parquet"),
            WALL_CLOCK_AND_INT96,
            rides(t -> wallClockMicros(t), t -> int96(t)));

    assertBothEnginesStoreTheRidesAtTheirNewYorkTimes(file);
  }

  @Test
  void shouldStoreUtcInstantsAndWallClockMillisInNewYorkTimeAsTheLocalEngineDoes()
      throws Exception {
    Path file =
        DriftFiles.write(
            dir.resolve("yellow-2010-instants.parquet"),
            INSTANT_AND_WALL_CLOCK_MILLIS,
            rides(
                t -> instantMillis(t),
                t -> t.atZone(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()));

    assertBothEnginesStoreTheRidesAtTheirNewYorkTimes(file);
  }

  private void assertBothEnginesStoreTheRidesAtTheirNewYorkTimes(Path file) throws Exception {
    IngestOptions options = IngestOptions.defaults().withParallelism(1, 1);
    FileReport local =
        new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
            .ingest(List.of(file.toString()))
            .files()
            .get(0);
    String localTrips = postgres.queryString(TableDigests.TRIPS);
    postgres.truncateAll();

    FileReport viaSpark =
        new SparkEngine(spark, postgres.dataSource(), postgres.config(), options, null)
            .ingest(List.of(file.toString()))
            .files()
            .get(0);

    assertThat(viaSpark)
        .usingRecursiveComparison()
        .ignoringFields("elapsedMillis")
        .isEqualTo(local);
    assertThat(viaSpark.kept()).isEqualTo(2);
    assertThat(viaSpark.rejects()).containsExactly(Map.entry(Reason.UNPARSEABLE_NUMBER.code(), 1L));
    assertThat(postgres.queryString(TableDigests.TRIPS)).isEqualTo(localTrips);
    assertThat(
            postgres.queryString(
                "SELECT string_agg(pickup_ts || '>' || dropoff_ts || ' ' || payment || ' '"
                    + " || passengers || ' ' || fare, ', ' ORDER BY id) FROM trips"))
        .isEqualTo(
            "2010-04-01 21:00:00>2010-04-01 21:12:00 card 2 7.5,"
                + " 2010-01-15 08:30:00>2010-01-15 08:42:00 card 2 7.5");
  }

  /** How a column stores a NYC wall-clock time. */
  private interface TimeAs {
    Object store(LocalDateTime time);
  }

  /** Penn Station to Grand Central in spring and in winter, and one without a pickup latitude. */
  private static List<Map<String, Object>> rides(TimeAs pickup, TimeAs dropoff) {
    Map<String, Object> spring = ride(SPRING, pickup, dropoff);
    Map<String, Object> winter = ride(WINTER, pickup, dropoff);
    Map<String, Object> noLatitude = ride(SPRING, pickup, dropoff);
    noLatitude.remove("pickup_latitude");
    return List.of(spring, winter, noLatitude);
  }

  private static Map<String, Object> ride(LocalDateTime at, TimeAs pickup, TimeAs dropoff) {
    Map<String, Object> ride = new HashMap<>();
    ride.put("VENDOR_ID", "VTS");
    ride.put("pickup_datetime", pickup.store(at));
    ride.put("dropoff_datetime", dropoff.store(at.plusMinutes(12)));
    ride.put("Passenger_Count", 2);
    ride.put("trip_distance", 1.1f);
    ride.put("Pickup_Longitude", -73.9935);
    ride.put("pickup_latitude", 40.7506);
    ride.put("dropoff_longitude", -73.9772);
    ride.put("dropoff_latitude", 40.7527);
    ride.put("payment_type", 1.0);
    ride.put("fare_amount", 750);
    ride.put("total_amount", 9.0);
    return ride;
  }
}
