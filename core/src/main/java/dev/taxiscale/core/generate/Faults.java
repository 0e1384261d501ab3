package dev.taxiscale.core.generate;

import static dev.taxiscale.core.clean.Reason.*;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.clean.Rules;
import dev.taxiscale.core.format.TripFormat;
import java.util.List;

/**
 * Makes a clean draft break exactly one rule. Every change leaves the checks before that rule
 * passing, so parsing the row back yields the intended reason (see {@code Cleaner.RULES}).
 */
final class Faults {
  /** What can go wrong in a file with drop-offs, fares and passenger counts. */
  private static final List<Reason> TRIP_FAULTS =
      List.of(
          TRUNCATED_ROW,
          UNPARSEABLE_TIMESTAMP,
          UNPARSEABLE_NUMBER,
          ZERO_COORDINATES,
          OUTSIDE_SERVICE_AREA,
          DROPOFF_BEFORE_PICKUP,
          IMPLAUSIBLE_DURATION,
          IMPLAUSIBLE_DISTANCE,
          IMPLAUSIBLE_SPEED,
          NEGATIVE_AMOUNT,
          PASSENGER_COUNT_OUT_OF_RANGE);

  /** Uber rows have only a time, a point and a base. */
  private static final List<Reason> PICKUP_FAULTS =
      List.of(
          TRUNCATED_ROW,
          UNPARSEABLE_TIMESTAMP,
          UNPARSEABLE_NUMBER,
          ZERO_COORDINATES,
          OUTSIDE_SERVICE_AREA);

  /** Philadelphia City Hall: a plausible-looking point well outside the service area. */
  private static final double PHILADELPHIA_LON = -75.1636;

  private static final double PHILADELPHIA_LAT = 39.9526;

  private Faults() {}

  /** The reasons a generated file of this format spreads its dirty rows over. */
  static List<Reason> applicable(TripFormat format) {
    return format == TripFormat.UBER_2014 ? PICKUP_FAULTS : TRIP_FAULTS;
  }

  /**
   * Changes the values a fault needs; faults in the text itself (truncated rows, garbled fields)
   * are left to the writer, which reads {@link Draft#fault}.
   */
  static void apply(Reason fault, Draft d, Rng rng) {
    d.fault = fault;
    switch (fault) {
      case ZERO_COORDINATES -> {
        d.pickupLon = 0;
        d.pickupLat = 0;
      }
      case OUTSIDE_SERVICE_AREA -> {
        d.pickupLon = PHILADELPHIA_LON + rng.gaussian() * 0.01;
        d.pickupLat = PHILADELPHIA_LAT + rng.gaussian() * 0.01;
      }
      case DROPOFF_BEFORE_PICKUP -> d.dropoffAt = d.pickupAt - (d.dropoffAt - d.pickupAt);
      case IMPLAUSIBLE_DURATION -> d.dropoffAt = d.pickupAt + implausibleDuration(rng);
      case IMPLAUSIBLE_DISTANCE -> d.distanceHundredths = 100 * (200 + rng.nextInt(800));
      case IMPLAUSIBLE_SPEED -> {
        // 20-40 miles in 2-5 minutes: 240 mph or more, with distance and duration each plausible
        d.distanceHundredths = 100 * (20 + rng.nextInt(21));
        d.dropoffAt = d.pickupAt + 120 + rng.nextInt(181);
      }
      case NEGATIVE_AMOUNT -> {
        d.fareCents = -d.fareCents;
        d.sumTotal();
      }
      case PASSENGER_COUNT_OUT_OF_RANGE -> d.passengers = 0;
      default -> {
        // written wrong by the writer
      }
    }
  }

  /** Either a meter test of a few seconds or a meter left running for most of a day. */
  private static long implausibleDuration(Rng rng) {
    return rng.chance(0.5)
        ? rng.nextInt((int) Rules.MIN_DURATION_SECONDS)
        : Rules.MAX_DURATION_SECONDS + 60 + rng.nextInt(12 * 3600);
  }
}
