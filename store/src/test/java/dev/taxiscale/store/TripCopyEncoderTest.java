package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TripCopyEncoderTest {

  private static String encode(Trip trip) {
    TripCopyEncoder encoder = new TripCopyEncoder();
    encoder.append(trip);
    return new String(encoder.toByteArray(), StandardCharsets.UTF_8);
  }

  private static String[] fields(Trip trip) {
    String line = encode(trip);
    assertThat(line).endsWith("\n");
    return line.substring(0, line.length() - 1).split("\t", -1);
  }

  @Test
  void shouldWriteOneFieldPerColumnInColumnOrder() {
    String[] fields = fields(Trips.pennStationToUnionSquare(3, 7));

    assertThat(fields).hasSize(TripCopyWriter.COLUMNS.split(",").length);
    assertThat(fields[0]).isEqualTo(Long.toString((3L << 32) + 7));
    assertThat(fields).containsSubsequence("3", "yellow", "CMT", "2014-01-09 20:45:25");
    assertThat(fields[6]).isEqualTo("-73.99477");
    assertThat(fields[16]).isEqualTo("card");
  }

  @Test
  void shouldWriteAbsentValuesAsNullMarkers() {
    String[] fields = fields(Trips.uberPickupAtTimesSquare(1, 2));

    assertThat(fields[5]).as("dropoff_ts").isEqualTo("\\N");
    assertThat(fields[11]).as("dropoff_xy").isEqualTo("\\N");
    assertThat(fields[12]).as("passengers").isEqualTo("\\N");
    assertThat(fields[13]).as("distance_mi").isEqualTo("\\N");
  }

  @Test
  void shouldWritePointsAsProjectedMetersInParentheses() {
    String[] fields = fields(Trips.pennStationToUnionSquare(1, 2));

    assertThat(fields[10]).matches("\\(-12\\d\\d\\.\\d{3},56\\d\\d\\.\\d{3}\\)");
  }

  @Test
  void shouldEscapeCopyControlCharactersInText() {
    Trip trip = Trips.pennStationToUnionSquare(1, 2);
    Trip odd =
        new Trip(
            trip.id(),
            trip.fileId(),
            Source.YELLOW,
            "a\\b\tc\nd",
            trip.pickupAt(),
            trip.dropoffAt(),
            trip.pickupLon(),
            trip.pickupLat(),
            trip.dropoffLon(),
            trip.dropoffLat(),
            trip.passengers(),
            trip.distanceMiles(),
            trip.fare(),
            trip.total(),
            "caf\u00e9\t",
            trip.rateCode());

    String[] fields = fields(odd);

    assertThat(fields[3]).isEqualTo("a\\\\b\\tc\\nd");
    assertThat(fields[16]).isEqualTo("caf\u00e9\\t");
  }

  @Test
  void shouldWriteFractionalSecondsOnlyWhenPresent() {
    Trip trip = Trips.pennStationToUnionSquare(1, 2);
    Trip precise =
        new Trip(
            trip.id(),
            trip.fileId(),
            trip.source(),
            trip.vendor(),
            LocalDateTime.of(2015, 3, 4, 5, 6, 7, 250_000_000),
            trip.dropoffAt(),
            trip.pickupLon(),
            trip.pickupLat(),
            trip.dropoffLon(),
            trip.dropoffLat(),
            trip.passengers(),
            trip.distanceMiles(),
            trip.fare(),
            trip.total(),
            trip.payment(),
            trip.rateCode());

    assertThat(fields(precise)[4]).isEqualTo("2015-03-04 05:06:07.250000");
  }

  @Test
  void shouldWriteDoublesThatReadBackExactly() {
    SplittableRandom random = new SplittableRandom(42);
    TripCopyEncoder encoder = new TripCopyEncoder();
    Trip base = Trips.pennStationToUnionSquare(1, 2);
    for (int i = 0; i < 20_000; i++) {
      double value = randomValue(random, i);
      Trip trip =
          new Trip(
              base.id(),
              base.fileId(),
              base.source(),
              base.vendor(),
              base.pickupAt(),
              base.dropoffAt(),
              value,
              base.pickupLat(),
              base.dropoffLon(),
              base.dropoffLat(),
              base.passengers(),
              base.distanceMiles(),
              base.fare(),
              base.total(),
              base.payment(),
              base.rateCode());
      encoder.reset();
      encoder.append(trip);
      String field = new String(encoder.toByteArray(), StandardCharsets.UTF_8).split("\t")[6];
      assertThat(Double.parseDouble(field)).as("value %s", value).isEqualTo(value);
    }
  }

  /** Mixes short decimals, single-precision floats and arbitrary doubles, as the files do. */
  private static double randomValue(SplittableRandom random, int i) {
    return switch (i % 4) {
      case 0 -> Math.round(random.nextDouble(-80, 80) * 1e6) / 1e6;
      case 1 -> (double) (float) random.nextDouble(-80, 80);
      case 2 -> random.nextDouble(-1e6, 1e6);
      default -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 20));
    };
  }
}
