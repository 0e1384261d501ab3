package dev.taxiscale.core.format;

/** The fields of a row that become part of a {@code Trip}, whatever a format calls them. */
public enum Column {
  SOURCE,
  VENDOR,
  PICKUP_AT,
  DROPOFF_AT,
  PASSENGERS,
  DISTANCE,
  PICKUP_LON,
  PICKUP_LAT,
  RATE_CODE,
  DROPOFF_LON,
  DROPOFF_LAT,
  PAYMENT,
  FARE,
  TOTAL,
  /** A TLC taxi zone id, in the formats that carry zones instead of coordinates. */
  PICKUP_ZONE,
  DROPOFF_ZONE,
  // The high-volume for-hire files' own fields (tips, driver pay, request and arrival times, the
  // shared-ride and wheelchair flags): see {@code trip.HighVolume}.
  TIPS,
  DRIVER_PAY,
  REQUEST_AT,
  ON_SCENE_AT,
  SHARED_REQUEST,
  SHARED_MATCH,
  ACCESS_A_RIDE,
  WAV_REQUEST,
  WAV_MATCH;

  public static final int COUNT = values().length;

  /** Whether only the high-volume for-hire files carry this column. */
  public boolean highVolume() {
    return ordinal() >= TIPS.ordinal();
  }

  /** The name used in reject details. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
