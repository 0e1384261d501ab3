package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Column.*;
import static dev.taxiscale.core.format.Layout.names;

import dev.taxiscale.core.trip.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Parquet layouts the TLC publishes, recognized from a file's column names compared
 * case-insensitively (the files spell {@code Airport_fee}, {@code PUlocationID} and {@code
 * dropOff_datetime} differently from year to year). A layout needs only its pickup time and place
 * columns; any other column it lacks reads as absent, so a file with some columns loads what it
 * can.
 */
public enum ParquetLayout implements FileLayout {
  /** Yellow 2009: {@code vendor_name, Trip_Pickup_DateTime, Start_Lon, ...}. */
  YELLOW_2009(
      Source.YELLOW,
      names(
          VENDOR,
          "vendor_name",
          PICKUP_AT,
          "trip_pickup_datetime",
          DROPOFF_AT,
          "trip_dropoff_datetime",
          PASSENGERS,
          "passenger_count",
          DISTANCE,
          "trip_distance",
          PICKUP_LON,
          "start_lon",
          PICKUP_LAT,
          "start_lat",
          RATE_CODE,
          "rate_code",
          DROPOFF_LON,
          "end_lon",
          DROPOFF_LAT,
          "end_lat",
          PAYMENT,
          "payment_type",
          FARE,
          "fare_amt",
          TOTAL,
          "total_amt")),
  /** Yellow 2010: {@code vendor_id, pickup_datetime, pickup_longitude, ...}. */
  YELLOW_2010(
      Source.YELLOW,
      names(
          VENDOR,
          "vendor_id",
          PICKUP_AT,
          "pickup_datetime",
          DROPOFF_AT,
          "dropoff_datetime",
          PASSENGERS,
          "passenger_count",
          DISTANCE,
          "trip_distance",
          PICKUP_LON,
          "pickup_longitude",
          PICKUP_LAT,
          "pickup_latitude",
          RATE_CODE,
          "rate_code",
          DROPOFF_LON,
          "dropoff_longitude",
          DROPOFF_LAT,
          "dropoff_latitude",
          PAYMENT,
          "payment_type",
          FARE,
          "fare_amount",
          TOTAL,
          "total_amount")),
  /** Yellow 2011 on: {@code VendorID, tpep_pickup_datetime, PULocationID, ...}: zones. */
  YELLOW_ZONES(Source.YELLOW, tlcZoneNames("tpep")),
  /** Green: {@code VendorID, lpep_pickup_datetime, PULocationID, ...}: zones. */
  GREEN_ZONES(Source.GREEN, tlcZoneNames("lpep")),
  /** High-volume for-hire (Uber, Lyft): {@code hvfhs_license_num, trip_miles, ...}: zones. */
  FHVHV_ZONES(
      Source.FHV,
      names(
          VENDOR,
          "hvfhs_license_num",
          PICKUP_AT,
          "pickup_datetime",
          DROPOFF_AT,
          "dropoff_datetime",
          PICKUP_ZONE,
          "pulocationid",
          DROPOFF_ZONE,
          "dolocationid",
          DISTANCE,
          "trip_miles",
          FARE,
          "base_passenger_fare",
          TIPS,
          "tips",
          DRIVER_PAY,
          "driver_pay",
          REQUEST_AT,
          "request_datetime",
          ON_SCENE_AT,
          "on_scene_datetime",
          SHARED_REQUEST,
          "shared_request_flag",
          SHARED_MATCH,
          "shared_match_flag",
          ACCESS_A_RIDE,
          "access_a_ride_flag",
          WAV_REQUEST,
          "wav_request_flag",
          WAV_MATCH,
          "wav_match_flag")),
  /** Other for-hire vehicles: {@code dispatching_base_num, pickup_datetime, PUlocationID}. */
  FHV_ZONES(
      Source.FHV,
      names(
          VENDOR,
          "dispatching_base_num",
          PICKUP_AT,
          "pickup_datetime",
          DROPOFF_AT,
          "dropoff_datetime",
          PICKUP_ZONE,
          "pulocationid",
          DROPOFF_ZONE,
          "dolocationid"));

  private final Source source;
  private final Map<Column, String> names;
  private final boolean highVolume;

  ParquetLayout(Source source, Map<Column, String> names) {
    this.source = source;
    this.names = names;
    this.highVolume = names.keySet().stream().anyMatch(Column::highVolume);
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public boolean zoneBased() {
    return names.containsKey(PICKUP_ZONE);
  }

  @Override
  public boolean highVolume() {
    return highVolume;
  }

  /** The column name this layout reads for {@code column}, lower-cased, or null. */
  public String nameOf(Column column) {
    return names.get(column);
  }

  /** A detected layout and, per {@link Column} ordinal, the file's column index or -1. */
  public record Match(ParquetLayout layout, int[] indexes) {}

  /**
   * The first layout whose pickup time and place (and, for high-volume FHV, license) columns are
   * all in the file.
   */
  public static Match detect(List<String> columnNames) throws UnknownFormatException {
    List<String> lower = columnNames.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
    for (ParquetLayout layout : values()) {
      int[] indexes = new int[Column.COUNT];
      for (Column column : Column.values()) {
        String name = layout.names.get(column);
        indexes[column.ordinal()] = name == null ? -1 : lower.indexOf(name);
      }
      if (layout.required().stream().allMatch(c -> indexes[c.ordinal()] >= 0)) {
        return new Match(layout, indexes);
      }
    }
    throw new UnknownFormatException(
        "columns match none of "
            + Arrays.toString(values())
            + " (names are compared case-insensitively): "
            + String.join(",", columnNames));
  }

  private List<Column> required() {
    List<Column> place = zoneBased() ? List.of(PICKUP_ZONE) : List.of(PICKUP_LON, PICKUP_LAT);
    List<Column> others = this == FHVHV_ZONES ? List.of(PICKUP_AT, VENDOR) : List.of(PICKUP_AT);
    return java.util.stream.Stream.concat(others.stream(), place.stream()).toList();
  }

  /** Yellow 2011+ and green share their names but for the prefix of the two times. */
  private static Map<Column, String> tlcZoneNames(String prefix) {
    return names(
        VENDOR,
        "vendorid",
        PICKUP_AT,
        prefix + "_pickup_datetime",
        DROPOFF_AT,
        prefix + "_dropoff_datetime",
        PASSENGERS,
        "passenger_count",
        DISTANCE,
        "trip_distance",
        RATE_CODE,
        "ratecodeid",
        PICKUP_ZONE,
        "pulocationid",
        DROPOFF_ZONE,
        "dolocationid",
        PAYMENT,
        "payment_type",
        FARE,
        "fare_amount",
        TOTAL,
        "total_amount");
  }
}
