package dev.taxiscale.core.clean;

import dev.taxiscale.core.geo.ServiceArea;
import dev.taxiscale.core.trip.Trip;
import java.time.ZoneOffset;

/**
 * The cleaning rules as small named predicates, each true when a trip breaks it. Absent values
 * (NaN, null, FHV rows without a drop-off) never break a rule: they are absent, not wrong.
 */
public final class Rules {
  /** Shorter trips are meter tests or immediate cancellations, not rides. */
  public static final long MIN_DURATION_SECONDS = 30;

  /** Longer trips are meters left running: even JFK to the Bronx in a storm takes under 3 h. */
  public static final long MAX_DURATION_SECONDS = 6 * 3600;

  /** Faster average speeds are impossible on NYC streets; highways cap at 65 mph. */
  public static final double MAX_SPEED_MPH = 90;

  /**
   * Longer distances are odometer glitches: the service area's diagonal is under 40 miles, and 100
   * leaves room for detours and out-of-town drop-offs.
   */
  public static final double MAX_DISTANCE_MILES = 100;

  /** The TLC allows at most 5 passengers per cab (6 with a child); 9 covers minivans. */
  public static final int MAX_PASSENGERS = 9;

  public static final int MIN_PASSENGERS = 1;

  private Rules() {}

  /** A zero longitude or latitude is how the meters record a missing GPS fix. */
  static boolean hasZeroCoordinates(Trip trip) {
    return trip.pickupLon() == 0
        || trip.pickupLat() == 0
        || trip.dropoffLon() == 0
        || trip.dropoffLat() == 0;
  }

  static boolean isOutsideServiceArea(Trip trip) {
    return !ServiceArea.contains(trip.pickupLon(), trip.pickupLat())
        || (hasDropoffPoint(trip) && !ServiceArea.contains(trip.dropoffLon(), trip.dropoffLat()));
  }

  static boolean endsBeforeItStarts(Trip trip) {
    return trip.dropoffAt() != null && trip.dropoffAt().isBefore(trip.pickupAt());
  }

  static boolean hasImplausibleDuration(Trip trip) {
    if (trip.dropoffAt() == null) {
      return false;
    }
    long seconds = durationSeconds(trip);
    return seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS;
  }

  static boolean hasImplausibleDistance(Trip trip) {
    return trip.distanceMiles() < 0 || trip.distanceMiles() > MAX_DISTANCE_MILES;
  }

  /** Checked after duration and distance, so both are plausible and the duration is positive. */
  static boolean hasImplausibleSpeed(Trip trip) {
    return trip.dropoffAt() != null && speedMph(trip) > MAX_SPEED_MPH;
  }

  static boolean hasNegativeAmount(Trip trip) {
    return trip.fare() < 0 || trip.total() < 0;
  }

  static boolean hasPassengerCountOutOfRange(Trip trip) {
    Integer passengers = trip.passengers();
    return passengers != null && (passengers < MIN_PASSENGERS || passengers > MAX_PASSENGERS);
  }

  /**
   * Wall-clock seconds between pickup and drop-off. The files carry no zone, so a trip across a
   * daylight-saving change is off by an hour; that is rare enough to accept.
   */
  static long durationSeconds(Trip trip) {
    return trip.dropoffAt().toEpochSecond(ZoneOffset.UTC)
        - trip.pickupAt().toEpochSecond(ZoneOffset.UTC);
  }

  static double speedMph(Trip trip) {
    return trip.distanceMiles() / (durationSeconds(trip) / 3600.0);
  }

  private static boolean hasDropoffPoint(Trip trip) {
    return !Double.isNaN(trip.dropoffLon()) && !Double.isNaN(trip.dropoffLat());
  }
}
