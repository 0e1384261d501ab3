package dev.taxiscale.store.query;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.HeatCell;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.store.TripHours;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heatmap by its definition, over every stored trip: a trip in the box (its stored metric
 * point, edges included) and window goes to the cell of its fine square's center; fares are summed
 * in cents, distances in hundredths of a mile, durations in whole seconds.
 */
final class HeatmapScan {

  private HeatmapScan() {}

  static List<HeatCell> of(List<StoredTrip> trips, HeatmapRequest request, CellSystem cells) {
    int res = request.resolution();
    double fine = cells.fineCellMeters(res);
    Map<String, long[]> sums = new HashMap<>();
    Map<String, CellSystem.Cell> described = new HashMap<>();
    Map<String, LocalDateTime> hours = new HashMap<>();
    for (StoredTrip t : trips) {
      if (!counts(t, request)) {
        continue;
      }
      long cell =
          cells.cellOf(
              res, (long) Math.floor(t.pickupX() / fine), (long) Math.floor(t.pickupY() / fine));
      CellSystem.Cell c = cells.describe(cell, res);
      LocalDateTime hour = t.pickupAt().truncatedTo(ChronoUnit.HOURS);
      String key = c.id() + "@" + hour;
      described.put(key, c);
      hours.put(key, hour);
      add(sums.computeIfAbsent(key, k -> new long[7]), t);
    }
    List<HeatCell> expected = new ArrayList<>();
    sums.forEach((key, s) -> expected.add(heatCell(described.get(key), hours.get(key), s)));
    expected.sort(Comparator.comparing(HeatCell::hour).thenComparing(HeatCell::cell));
    return expected;
  }

  private static boolean counts(StoredTrip t, HeatmapRequest request) {
    BoundingBox box = request.box();
    return !t.pickupAt().isBefore(request.window().from())
        && t.pickupAt().isBefore(request.window().to())
        && t.pickupX() >= box.minX()
        && t.pickupX() <= box.maxX()
        && t.pickupY() >= box.minY()
        && t.pickupY() <= box.maxY()
        && request.sources().contains(Source.fromCode(t.source()));
  }

  private static void add(long[] s, StoredTrip t) {
    s[0]++;
    if (t.fare() != null) {
      s[1] += TripHours.hundredths(t.fare());
      s[2]++;
    }
    if (t.dropoffAt() != null) {
      long seconds = Duration.between(t.pickupAt(), t.dropoffAt()).toSeconds();
      s[3] += seconds;
      s[4]++;
      if (t.distanceMiles() != null) {
        s[5] += TripHours.hundredths(t.distanceMiles());
        s[6] += seconds;
      }
    }
  }

  private static HeatCell heatCell(CellSystem.Cell c, LocalDateTime hour, long[] s) {
    return new HeatCell(
        c.id(),
        c.lon(),
        c.lat(),
        hour,
        s[0],
        s[2] == 0 ? null : Rounding.cents(s[1] / 100.0 / s[2]),
        s[4] == 0 ? null : Rounding.tenths(s[3] / (double) s[4] / 60),
        s[6] == 0 ? null : Rounding.tenths(s[5] / 100.0 * 1.609344 / (s[6] / 3600.0)));
  }
}
