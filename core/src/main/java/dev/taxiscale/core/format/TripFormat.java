package dev.taxiscale.core.format;

import dev.taxiscale.core.trip.Source;

/** The published CSV layouts taxiscale reads, recognized from a file's header line. */
public enum TripFormat implements FileLayout {
  /** Yellow 2009-2014: {@code vendor_id, pickup_datetime, ...} with a space after every comma. */
  YELLOW_2014(
      Source.YELLOW,
      "vendor_id, pickup_datetime, dropoff_datetime, passenger_count, trip_distance,"
          + " pickup_longitude, pickup_latitude, rate_code, store_and_fwd_flag,"
          + " dropoff_longitude, dropoff_latitude, payment_type, fare_amount, surcharge, mta_tax,"
          + " tip_amount, tolls_amount, total_amount"),
  /** Green 2013-08..2014-12: {@code VendorID,lpep_pickup_datetime,Lpep_dropoff_datetime,...}. */
  GREEN_2014(
      Source.GREEN,
      "VendorID,lpep_pickup_datetime,Lpep_dropoff_datetime,Store_and_fwd_flag,RateCodeID,"
          + "Pickup_longitude,Pickup_latitude,Dropoff_longitude,Dropoff_latitude,Passenger_count,"
          + "Trip_distance,Fare_amount,Extra,MTA_tax,Tip_amount,Tolls_amount,Ehail_fee,"
          + "Total_amount,Payment_type,Trip_type "),
  /** Uber/FHV 2014 pickups: {@code Date/Time,Lat,Lon,Base}, quoted in the original files. */
  UBER_2014(Source.FHV, "\"Date/Time\",\"Lat\",\"Lon\",\"Base\""),
  /** Yellow 2015-01..2016-06: {@code VendorID,tpep_pickup_datetime,...,RateCodeID|RatecodeID}. */
  YELLOW_2015(
      Source.YELLOW,
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,"
          + "pickup_longitude,pickup_latitude,RateCodeID,store_and_fwd_flag,dropoff_longitude,"
          + "dropoff_latitude,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,"
          + "improvement_surcharge,total_amount"),
  /**
   * The normalized trips the cleaning step writes ({@code format.NormalizedCsv}): one column per
   * trip field in taxiscale's own units and codes, the source named on every row.
   */
  NORMALIZED(
      null,
      "source,vendor,pickup_at,dropoff_at,passengers,distance_miles,pickup_lon,pickup_lat,"
          + "dropoff_lon,dropoff_lat,payment,fare,total,rate_code");

  private final Source source;
  private final String header;

  TripFormat(Source source, String header) {
    this.source = source;
    this.header = header;
  }

  /** The fleet of every row, or {@code null} where each row names its own. */
  @Override
  public Source source() {
    return source;
  }

  /**
   * The header line exactly as the original files spell it (without line ending); Yellow 2015 files
   * from 2015-07 on spell {@code RatecodeID} instead.
   */
  public String header() {
    return header;
  }
}
