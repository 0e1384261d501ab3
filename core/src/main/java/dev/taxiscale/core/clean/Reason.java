package dev.taxiscale.core.clean;

import java.util.Locale;

/** Why a raw row was rejected. Every rejected row has exactly one; the codes appear in reports. */
public enum Reason {
  /** Fewer fields than the format needs, e.g. the cut-off last line of a file. */
  TRUNCATED_ROW,
  UNPARSEABLE_TIMESTAMP,
  UNPARSEABLE_NUMBER,
  ZERO_COORDINATES,
  OUTSIDE_SERVICE_AREA,
  DROPOFF_BEFORE_PICKUP,
  IMPLAUSIBLE_DURATION,
  IMPLAUSIBLE_SPEED,
  IMPLAUSIBLE_DISTANCE,
  NEGATIVE_AMOUNT,
  PASSENGER_COUNT_OUT_OF_RANGE;

  /** The snake_case code used in reports, JSON and the rejects file. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
