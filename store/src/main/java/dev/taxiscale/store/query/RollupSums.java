package dev.taxiscale.store.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Running sums of a rollup bucket (the trip_hours and zone_hours columns trips, fare_cents, fares,
 * seconds, timed, miles_hundredths, miles_seconds) and the averages they give. Integers (cents,
 * hundredths of a mile, seconds), so the order rows arrive in cannot change the averages.
 */
class RollupSums {
  private static final double KM_PER_MILE = 1.609344;

  long trips;
  long fareCents;
  long fares;
  long seconds;
  long timed;
  long milesHundredths;
  long milesSeconds;

  /** Adds the seven sums that start at column {@code first}. */
  void add(ResultSet rs, int first) throws SQLException {
    trips += rs.getLong(first);
    fareCents += rs.getLong(first + 1);
    fares += rs.getLong(first + 2);
    seconds += rs.getLong(first + 3);
    timed += rs.getLong(first + 4);
    milesHundredths += rs.getLong(first + 5);
    milesSeconds += rs.getLong(first + 6);
  }

  void add(RollupSums other) {
    trips += other.trips;
    fareCents += other.fareCents;
    fares += other.fares;
    seconds += other.seconds;
    timed += other.timed;
    milesHundredths += other.milesHundredths;
    milesSeconds += other.milesSeconds;
  }

  /** Mean fare in dollars over the trips with one; null when none had. */
  Double avgFare() {
    return fares == 0 ? null : Rounding.cents(fareCents / 100.0 / fares);
  }

  /** Mean duration in minutes over the trips with a drop-off; null when none had. */
  Double avgMinutes() {
    return timed == 0 ? null : Rounding.tenths(seconds / (double) timed / 60);
  }

  /** Total distance over total duration, in km/h; null when no trip had both. */
  Double avgSpeedKmh() {
    double km = milesHundredths / 100.0 * KM_PER_MILE;
    return milesSeconds == 0 ? null : Rounding.tenths(km / (milesSeconds / 3600.0));
  }
}
