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
  DROPOFF_ZONE;

  public static final int COUNT = values().length;

  /** The name used in reject details. */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
