package dev.taxiscale.store;

import dev.taxiscale.core.format.FileLayout;

/**
 * The column lists a COPY into {@link Tables#TRIPS} names, in the order {@link TripCopyEncoder}
 * writes the fields. A file's trips are copied with the narrowest list its layout fills, so a
 * yellow or green row does not send nine empty high-volume fields (36 bytes of a ~200 byte tuple).
 */
public enum TripColumns {
  /** The fields every source has. */
  COMMON(
      "id, file_id, source, vendor, pickup_ts, dropoff_ts, pickup_lon, pickup_lat, dropoff_lon,"
          + " dropoff_lat, pickup_xy, dropoff_xy, passengers, distance_mi, fare, total, payment,"
          + " rate_code, pickup_zone, dropoff_zone, precision"),
  /** Every column: the common ones, then the high-volume for-hire fields. */
  ALL(
      COMMON.list
          + ", tips, driver_pay, request_ts, on_scene_ts, shared_request, shared_match,"
          + " access_a_ride, wav_request, wav_match");

  private final String list;
  private final short fields;

  TripColumns(String list) {
    this.list = list;
    this.fields = (short) list.split(",").length;
  }

  /** The list a file of this layout is copied with. */
  public static TripColumns of(FileLayout layout) {
    return layout.highVolume() ? ALL : COMMON;
  }

  /** The names, comma-separated, as a COPY or INSERT names them. */
  public String list() {
    return list;
  }

  /** How many fields each tuple carries. */
  short fields() {
    return fields;
  }
}
