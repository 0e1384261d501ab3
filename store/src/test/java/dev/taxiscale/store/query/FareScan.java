package dev.taxiscale.store.query;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.trip.Source;
import java.util.List;
import java.util.Set;

/**
 * The fare sample by its definition, over every stored trip: fared trips with a drop-off that
 * started and ended within the radius of each end and were picked up within the tolerance of the
 * time of day, the short way round midnight.
 */
final class FareScan {

  private FareScan() {}

  /**
   * How many fared trips run between the cells around both ends, picked up in the whole minutes of
   * day the tolerance touches: what a sample reads.
   */
  static long candidates(List<StoredTrip> trips, FareEstimateRequest r) {
    Set<Integer> from = Set.of(TripCells.within(r.from().x(), r.from().y(), r.radius()));
    Set<Integer> to = Set.of(TripCells.within(r.to().x(), r.to().y(), r.radius()));
    int second = r.time().toLocalTime().toSecondOfDay();
    int low = Math.floorDiv(second - r.toleranceMinutes() * 60, 60);
    int high = Math.floorDiv(second + r.toleranceMinutes() * 60, 60);
    return trips.stream()
        .filter(t -> t.fare() != null && t.hasDropoff())
        .filter(t -> from.contains(TripCells.cell(t.pickupX(), t.pickupY())))
        .filter(t -> to.contains(TripCells.cell(t.dropoffX(), t.dropoffY())))
        .filter(t -> inMinutes(t.pickupAt().toLocalTime().toSecondOfDay() / 60, low, high))
        .count();
  }

  private static boolean inMinutes(int minute, int low, int high) {
    if (low >= 0 && high < 1_440) {
      return minute >= low && minute <= high;
    }
    return minute >= Math.floorMod(low, 1_440) || minute <= Math.floorMod(high, 1_440);
  }

  static List<StoredTrip> of(List<StoredTrip> trips, FareEstimateRequest r) {
    double tolerance = r.toleranceMinutes() * 60.0;
    double target = r.time().toLocalTime().toSecondOfDay();
    return trips.stream()
        .filter(t -> t.fare() != null && t.hasDropoff())
        .filter(t -> t.pickupMetersTo(r.from().x(), r.from().y()) <= r.radius())
        .filter(t -> t.dropoffMetersTo(r.to().x(), r.to().y()) <= r.radius())
        .filter(
            t -> {
              double apart = Math.abs(t.pickupAt().toLocalTime().toSecondOfDay() - target);
              return Math.min(apart, 86_400 - apart) <= tolerance;
            })
        .filter(t -> r.sources().contains(Source.fromCode(t.source())))
        .filter(
            t -> !r.sameDayType() || (t.pickupAt().getDayOfWeek().getValue() >= 6) == r.weekend())
        .toList();
  }
}
