package dev.taxiscale.testkit;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Renders fixture rides as lines of each published file format, headers included. */
public final class TripLines {
  /** As published: a space after every comma. */
  public static final String YELLOW_2014_HEADER =
      "vendor_id, pickup_datetime, dropoff_datetime, passenger_count, trip_distance,"
          + " pickup_longitude, pickup_latitude, rate_code, store_and_fwd_flag, dropoff_longitude,"
          + " dropoff_latitude, payment_type, fare_amount, surcharge, mta_tax, tip_amount,"
          + " tolls_amount, total_amount";

  /** As published: mixed case and a trailing space after {@code Trip_type}. */
  public static final String GREEN_2014_HEADER =
      "VendorID,lpep_pickup_datetime,Lpep_dropoff_datetime,Store_and_fwd_flag,RateCodeID,"
          + "Pickup_longitude,Pickup_latitude,Dropoff_longitude,Dropoff_latitude,Passenger_count,"
          + "Trip_distance,Fare_amount,Extra,MTA_tax,Tip_amount,Tolls_amount,Ehail_fee,"
          + "Total_amount,Payment_type,Trip_type ";

  public static final String UBER_2014_HEADER = "Date/Time,Lat,Lon,Base";

  public static final String YELLOW_2015_HEADER =
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,"
          + "pickup_longitude,pickup_latitude,RateCodeID,store_and_fwd_flag,dropoff_longitude,"
          + "dropoff_latitude,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,"
          + "improvement_surcharge,total_amount";

  public static final String NORMALIZED_HEADER =
      "source,vendor,pickup_at,dropoff_at,passengers,distance_miles,pickup_lon,pickup_lat,"
          + "dropoff_lon,dropoff_lat,payment,fare,total,rate_code";

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter UBER = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss");

  private TripLines() {}

  public static String yellow2014(FixtureTrip r) {
    return String.join(
        ",",
        "CMT",
        ts(r.pickupAt()),
        ts(r.dropoffAt()),
        "1",
        num(r.miles()),
        num(r.from().lon()),
        num(r.from().lat()),
        "1",
        "N",
        num(r.to().lon()),
        num(r.to().lat()),
        "CRD",
        num(r.fare()),
        "0.5",
        "0.5",
        "0.5",
        "0",
        num(r.total()));
  }

  /** Green rows carry two empty fields beyond the header's columns, as published. */
  public static String green2014(FixtureTrip r) {
    return String.join(
        ",",
        "2",
        ts(r.pickupAt()),
        ts(r.dropoffAt()),
        "N",
        "1",
        num(r.from().lon()),
        num(r.from().lat()),
        num(r.to().lon()),
        num(r.to().lat()),
        "1",
        num(r.miles()),
        num(r.fare()),
        "0.5",
        "0.5",
        "0.5",
        "0",
        "",
        num(r.total()),
        "1",
        "1",
        "",
        "");
  }

  /** Uber pickups only: time, place and base. */
  public static String uber2014(FixtureTrip r) {
    return String.join(
        ",", UBER.format(r.pickupAt()), num(r.from().lat()), num(r.from().lon()), "B02512");
  }

  public static String yellow2015(FixtureTrip r) {
    return String.join(
        ",",
        "2",
        ts(r.pickupAt().plusYears(1)),
        ts(r.dropoffAt().plusYears(1)),
        "1",
        num(r.miles()),
        num(r.from().lon()),
        num(r.from().lat()),
        "1",
        "N",
        num(r.to().lon()),
        num(r.to().lat()),
        "1",
        num(r.fare()),
        "0.5",
        "0.5",
        "0.2",
        "0",
        "0.3",
        num(r.total()));
  }

  public static String normalized(FixtureTrip r) {
    return String.join(
        ",",
        "green",
        "VTS",
        ts(r.pickupAt()),
        ts(r.dropoffAt()),
        "1",
        num(r.miles()),
        num(r.from().lon()),
        num(r.from().lat()),
        num(r.to().lon()),
        num(r.to().lat()),
        "card",
        num(r.fare()),
        num(r.total()),
        "1");
  }

  /** A line cut short, like the last line of a file copied by byte count. */
  public static String truncated(String line) {
    return line.substring(0, line.length() / 3);
  }

  private static String ts(LocalDateTime t) {
    return ISO.format(t);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }
}
