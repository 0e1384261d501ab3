package dev.taxiscale.core.clean;

import java.util.Locale;

/** Why a raw row was rejected. Every rejected row has exactly one; the codes appear in reports. */
public enum Reason {
  /** Fewer fields than the format needs, e.g. the cut-off last line of a file. */
  TRUNCATED_ROW,
  /** A pickup time that is empty, or any time that is malformed or impossible (Feb 30th). */
  UNPARSEABLE_TIMESTAMP,
  /** A required coordinate that is empty, or any number or code that is malformed. */
  UNPARSEABLE_NUMBER,
  /** A yes/no flag that is neither {@code Y} nor {@code N} (blank reads as absent). */
  UNPARSEABLE_FLAG,
  /** A zero longitude or latitude: the meter had no GPS fix. */
  ZERO_COORDINATES,
  /** Pickup, or drop-off where there is one, outside {@code geo.ServiceArea}. */
  OUTSIDE_SERVICE_AREA,
  DROPOFF_BEFORE_PICKUP,
  /** Under 30 seconds or over 6 hours; see {@code clean.Rules}. */
  IMPLAUSIBLE_DURATION,
  /** Over 90 mph on average. */
  IMPLAUSIBLE_SPEED,
  /** Negative or over 100 miles. */
  IMPLAUSIBLE_DISTANCE,
  /** A negative fare or total. */
  NEGATIVE_AMOUNT,
  /** Outside 1..9 where the format records a count (0 is out of range). */
  PASSENGER_COUNT_OUT_OF_RANGE,
  /** A line of many megabytes, skipped unread: no trip row comes near a kilobyte. */
  OVERLONG_LINE,
  /** A taxi zone id the loaded zone lookup does not have. */
  UNKNOWN_ZONE,
  /** A pickup in a zone without a shape ("Unknown", "Outside of NYC"): it cannot be placed. */
  ZONE_WITHOUT_SHAPE,
  /** A pickup in another month than the one the file is named for. */
  PICKUP_OUTSIDE_FILE_MONTH;

  /** The snake_case code used in reports, JSON and the rejects file. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
