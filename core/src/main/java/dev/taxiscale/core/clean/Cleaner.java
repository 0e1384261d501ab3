package dev.taxiscale.core.clean;

import static dev.taxiscale.core.clean.Reason.*;

import dev.taxiscale.core.trip.Trip;
import java.util.List;

/** Applies the cleaning rules to parsed trips: the first rule a trip breaks is its one reason. */
public final class Cleaner {

  /**
   * The rules in the order they are checked. Location comes first (a trip at 0,0 is also outside
   * the service area, and the zero says more); then time, because speed divides by a duration that
   * must already be positive and plausible; distance before speed for the same reason; money and
   * passengers last, as they never make other values meaningless.
   */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              ZERO_COORDINATES,
              Rules::hasZeroCoordinates,
              t -> "coordinates " + points(t) + " contain a zero"),
          new Rule(
              OUTSIDE_SERVICE_AREA,
              Rules::isOutsideServiceArea,
              t -> "coordinates " + points(t) + " outside the NYC service area"),
          new Rule(
              DROPOFF_BEFORE_PICKUP,
              Rules::endsBeforeItStarts,
              t -> "drop-off " + t.dropoffAt() + " before pickup " + t.pickupAt()),
          new Rule(
              IMPLAUSIBLE_DURATION,
              Rules::hasImplausibleDuration,
              t ->
                  "duration "
                      + Rules.durationSeconds(t)
                      + " s outside "
                      + Rules.MIN_DURATION_SECONDS
                      + ".."
                      + Rules.MAX_DURATION_SECONDS),
          new Rule(
              IMPLAUSIBLE_DISTANCE,
              Rules::hasImplausibleDistance,
              t -> "distance " + t.distanceMiles() + " mi outside 0.." + Rules.MAX_DISTANCE_MILES),
          new Rule(
              IMPLAUSIBLE_SPEED,
              Rules::hasImplausibleSpeed,
              t -> "speed " + Math.round(Rules.speedMph(t)) + " mph over " + Rules.MAX_SPEED_MPH),
          new Rule(
              NEGATIVE_AMOUNT,
              Rules::hasNegativeAmount,
              t -> "fare " + t.fare() + " or total " + t.total() + " is negative"),
          new Rule(
              PASSENGER_COUNT_OUT_OF_RANGE,
              Rules::hasPassengerCountOutOfRange,
              t ->
                  "passenger count "
                      + t.passengers()
                      + " outside "
                      + Rules.MIN_PASSENGERS
                      + ".."
                      + Rules.MAX_PASSENGERS));

  private Cleaner() {}

  /** The trip kept, or rejected by the first rule it breaks. */
  public static Outcome clean(Trip trip) {
    for (Rule rule : RULES) {
      Outcome.Rejected rejected = rule.check(trip);
      if (rejected != null) {
        return rejected;
      }
    }
    return new Outcome.Kept(trip);
  }

  private static String points(Trip t) {
    return "("
        + t.pickupLon()
        + ", "
        + t.pickupLat()
        + ") -> ("
        + t.dropoffLon()
        + ", "
        + t.dropoffLat()
        + ")";
  }
}
