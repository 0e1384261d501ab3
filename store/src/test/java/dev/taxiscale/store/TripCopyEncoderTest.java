package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.trip.Trip;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TripCopyEncoderTest {

  /** Splits one encoded tuple into its fields; null for a NULL field. */
  private static List<byte[]> fields(Trip trip) {
    return fields(trip, TripColumns.COMMON);
  }

  private static List<byte[]> fields(Trip trip, TripColumns columns) {
    TripCopyEncoder encoder = new TripCopyEncoder(1024, columns);
    encoder.append(trip);
    ByteBuffer in = ByteBuffer.wrap(encoder.toByteArray());
    int count = in.getShort();
    List<byte[]> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = in.getInt();
      if (length < 0) {
        fields.add(null);
      } else {
        byte[] value = new byte[length];
        in.get(value);
        fields.add(value);
      }
    }
    assertThat(in.remaining()).as("bytes after the last field").isZero();
    return fields;
  }

  private static String text(byte[] field) {
    return new String(field, StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteOneFieldPerColumnInColumnOrder() {
    List<byte[]> fields = fields(Trips.pennStationToUnionSquare(3, 7));

    assertThat(fields).hasSize(TripCopyWriter.COLUMNS.split(",").length);
    assertThat(ByteBuffer.wrap(fields.get(0)).getLong()).isEqualTo((3L << 32) + 7);
    assertThat(ByteBuffer.wrap(fields.get(1)).getInt()).isEqualTo(3);
    assertThat(text(fields.get(2))).isEqualTo("yellow");
    assertThat(text(fields.get(3))).isEqualTo("CMT");
    assertThat(ByteBuffer.wrap(fields.get(6)).getDouble()).isEqualTo(-73.99477);
    assertThat(ByteBuffer.wrap(fields.get(12)).getShort()).isEqualTo((short) 1);
    assertThat(ByteBuffer.wrap(fields.get(14)).getFloat()).isEqualTo(6.5f);
    assertThat(text(fields.get(16))).isEqualTo("card");
  }

  @Test
  void shouldWriteTheHighVolumeFieldsAfterTheCommonOnes() {
    LocalDateTime requested = LocalDateTime.of(2014, 1, 9, 20, 41, 0);
    HighVolume fields = new HighVolume(2.5, 7.25, requested, null, true, false, null, false, true);
    Trip trip = Trips.withHighVolume(Trips.pennStationToUnionSquare(1, 2), fields);

    List<byte[]> all = fields(trip, TripColumns.ALL);

    assertThat(all).hasSize(TripColumns.ALL.list().split(",").length);
    int first = TripColumns.COMMON.fields();
    assertThat(ByteBuffer.wrap(all.get(first)).getFloat()).isEqualTo(2.5f);
    assertThat(ByteBuffer.wrap(all.get(first + 1)).getFloat()).isEqualTo(7.25f);
    assertThat(all.get(first + 2)).isEqualTo(fields(Trips.withPickup(trip, requested)).get(4));
    assertThat(all.get(first + 3)).isNull();
    assertThat(all.subList(first + 4, first + 9))
        .containsExactly(new byte[] {1}, new byte[] {0}, null, new byte[] {0}, new byte[] {1});
  }

  @Test
  void shouldWriteNullHighVolumeFieldsForATripOfAnotherSource() {
    List<byte[]> all = fields(Trips.pennStationToUnionSquare(1, 2), TripColumns.ALL);

    assertThat(all.subList(TripColumns.COMMON.fields(), all.size())).hasSize(9).containsOnlyNulls();
  }

  @Test
  void shouldCountTimestampsInMicrosecondsFrom2000() {
    Trip trip = Trips.pennStationToUnionSquare(1, 2);
    Trip precise = Trips.withPickup(trip, LocalDateTime.of(2000, 1, 1, 0, 0, 1, 250_000_000));

    assertThat(ByteBuffer.wrap(fields(precise).get(4)).getLong()).isEqualTo(1_250_000);
  }

  @Test
  void shouldWriteAbsentValuesAsNulls() {
    List<byte[]> fields = fields(Trips.uberPickupAtTimesSquare(1, 2));

    // 18 and 19 are the zone ids a trip with coordinates lacks; 20, its precision, is never null
    Set<Integer> expectedNulls = Set.of(5, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    for (int i = 0; i < fields.size(); i++) {
      assertThat(fields.get(i) == null)
          .as("field %d is null", i)
          .isEqualTo(expectedNulls.contains(i));
    }
  }

  @Test
  void shouldWritePointsAsProjectedMetersRoundedToTheMillimeter() {
    ByteBuffer point = ByteBuffer.wrap(fields(Trips.pennStationToUnionSquare(1, 2)).get(10));

    double x = point.getDouble();
    double y = point.getDouble();
    assertThat(x).isBetween(-1300.0, -1200.0);
    assertThat(y).isBetween(5600.0, 5700.0);
    assertThat(Math.round(x * 1000) / 1000.0).isEqualTo(x);
  }

  @Test
  void shouldWriteNonAsciiTextAsUtf8() {
    Trip trip = Trips.withVendor(Trips.pennStationToUnionSquare(1, 2), "caf\u00e9\t");

    assertThat(text(fields(trip).get(3))).isEqualTo("caf\u00e9\t");
  }

  @Test
  void shouldRefusePassengerCountsBeyondSmallint() {
    Trip trip = Trips.withPassengers(Trips.pennStationToUnionSquare(1, 2), 70_000);

    assertThatThrownBy(() -> new TripCopyEncoder().append(trip))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void shouldFrameAWholeStreamWithHeaderAndTrailer() {
    byte[] all = TripCopyEncoder.encodeAll(List.of(Trips.pennStationToUnionSquare(1, 2)));

    assertThat(new String(all, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
    assertThat(ByteBuffer.wrap(all, all.length - 2, 2).getShort()).isEqualTo((short) -1);
  }
}
