package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional Parquet copy of kept trips holds what the trips table holds for each of them. */
class TripRowsIntegrationTest {
  private static final LocalDateTime PICKUP = LocalDateTime.of(2024, 1, 9, 20, 45, 25);

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @Test
  void shouldWriteTheHighVolumeFieldsOfAForHireRide() {
    Row written = writtenAndReadBack(lyftRideFromPennStationToUnionSquareWithATip());

    assertThat(written.<Float>getAs("tips")).isEqualTo(2.5f);
    assertThat(written.<Float>getAs("driver_pay")).isEqualTo(7.25f);
    assertThat(written.<LocalDateTime>getAs("request_ts")).isEqualTo(PICKUP.minusMinutes(4));
    assertThat(written.<LocalDateTime>getAs("on_scene_ts")).isNull();
    assertThat(written.<Boolean>getAs("shared_request")).isTrue();
    assertThat(written.<Boolean>getAs("shared_match")).isFalse();
    assertThat(written.<Boolean>getAs("access_a_ride")).isNull();
    assertThat(written.<Boolean>getAs("wav_request")).isFalse();
    assertThat(written.<Boolean>getAs("wav_match")).isTrue();
    assertThat(written.<Short>getAs("pickup_zone")).isEqualTo((short) 186);
    assertThat(written.<Short>getAs("dropoff_zone")).isEqualTo((short) 234);
  }

  @Test
  void shouldWriteNullHighVolumeFieldsForATripOfAnotherSource() {
    Row written = writtenAndReadBack(yellowCabFromPennStationToUnionSquare());

    for (String field :
        List.of(
            "tips",
            "driver_pay",
            "request_ts",
            "on_scene_ts",
            "shared_request",
            "shared_match",
            "access_a_ride",
            "wav_request",
            "wav_match",
            "pickup_zone")) {
      assertThat(written.<Object>getAs(field)).as(field).isNull();
    }
  }

  private Row writtenAndReadBack(Trip trip) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    new FilePipeline(spark, null).writeParquet(sc.parallelize(List.of(trip), 1), dir);
    List<Row> rows = spark.read().parquet(dir.toString()).collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  /** Taxi zones 186 (Penn Station/Madison Sq West) to 234 (Union Sq), shared, with a tip. */
  private static Trip lyftRideFromPennStationToUnionSquareWithATip() {
    return new Trip(
        Trip.idOf(4, 2),
        4,
        Source.FHV,
        "HV0005",
        PICKUP,
        PICKUP.plusMinutes(9),
        Landmark.PENN_STATION.lon(),
        Landmark.PENN_STATION.lat(),
        Landmark.UNION_SQUARE.lon(),
        Landmark.UNION_SQUARE.lat(),
        null,
        1.3,
        11.4,
        Double.NaN,
        null,
        null,
        186,
        234,
        new HighVolume(2.5, 7.25, PICKUP.minusMinutes(4), null, true, false, null, false, true));
  }

  private static Trip yellowCabFromPennStationToUnionSquare() {
    return new Trip(
        Trip.idOf(4, 3),
        4,
        Source.YELLOW,
        "CMT",
        PICKUP,
        PICKUP.plusMinutes(7),
        Landmark.PENN_STATION.lon(),
        Landmark.PENN_STATION.lat(),
        Landmark.UNION_SQUARE.lon(),
        Landmark.UNION_SQUARE.lat(),
        1,
        1.2,
        6.5,
        8.9,
        "card",
        1);
  }
}
