package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HourlySumsTest {

  private static final LocalDateTime MORNING = LocalDateTime.of(2015, 1, 14, 8, 0);

  @Test
  void shouldMergeBlocksIntoTheSameRowsAsOneMap() {
    List<Trip> trips = spread(20_000, 1);
    HourlySums whole = new HourlySums();
    trips.forEach(whole::add);

    HourlySums merged = new HourlySums();
    HourlySums block = new HourlySums();
    for (int i = 0; i < trips.size(); i++) {
      block.add(trips.get(i));
      if (i % 1_000 == 999) {
        merged.addAll(block);
        block.clear();
      }
    }

    assertThat(rows(merged).stream().map(Arrays::toString))
        .containsExactlyElementsOf(rows(whole).stream().map(Arrays::toString).toList())
        .hasSize(whole.size());
  }

  @Test
  void shouldHandOutRowsByHourThenSquare() {
    HourlySums sums = new HourlySums();
    spread(5_000, 2).forEach(sums::add);

    List<long[]> rows = rows(sums);

    Comparator<long[]> byKey =
        Comparator.<long[]>comparingLong(r -> r[2])
            .thenComparingLong(r -> r[0])
            .thenComparingLong(r -> r[1])
            .thenComparingLong(r -> r[3]);
    assertThat(rows).isSortedAccordingTo(byKey);
    assertThat(rows.stream().mapToLong(r -> r[4]).sum()).isEqualTo(5_000);
  }

  @Test
  void shouldRefuseAPickupBeyondTheSquaresItCanKey() {
    Trip onTheMoon = trip(1, 5_000_000, 0, MORNING);

    assertThatThrownBy(() -> new HourlySums().add(onTheMoon))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  /** Each row as (square x, square y, hour, source ordinal, then the seven sums). */
  private static List<long[]> rows(HourlySums sums) {
    List<long[]> rows = new ArrayList<>();
    sums.forEachRow(
        (x, y, hour, source, values, offset) -> {
          long[] row = new long[4 + HourlySums.SUMS];
          row[0] = x;
          row[1] = y;
          row[2] = hour;
          row[3] = source.ordinal();
          System.arraycopy(values, offset, row, 4, HourlySums.SUMS);
          rows.add(row);
        });
    return rows;
  }

  /** Pickups over ten kilometers and a day: many more keys than the first capacity. */
  private static List<Trip> spread(int count, long seed) {
    Random random = new Random(seed);
    List<Trip> trips = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      trips.add(
          trip(
              i,
              (random.nextDouble() - 0.5) * 10_000,
              (random.nextDouble() - 0.5) * 10_000,
              MORNING.plusSeconds(random.nextInt(24 * 3600))));
    }
    return trips;
  }

  private static Trip trip(long line, double x, double y, LocalDateTime pickupAt) {
    return new Trip(
        Trip.idOf(1, line),
        1,
        line % 2 == 0 ? Source.YELLOW : Source.GREEN,
        "VTS",
        pickupAt,
        pickupAt.plusMinutes(9),
        Projection.lon(x),
        Projection.lat(y),
        Double.NaN,
        Double.NaN,
        null,
        1.5,
        9.5,
        Double.NaN,
        null,
        null);
  }
}
