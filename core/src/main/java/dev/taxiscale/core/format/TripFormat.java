package dev.taxiscale.core.format;

import dev.taxiscale.core.trip.Source;

/** The published CSV layouts taxiscale reads, recognized from a file's header line. */
public enum TripFormat {
  /** Yellow 2009-2014: {@code vendor_id, pickup_datetime, ...} with a space after every comma. */
  YELLOW_2014(Source.YELLOW),
  /** Green 2013-08..2014-12: {@code VendorID,lpep_pickup_datetime,Lpep_dropoff_datetime,...}. */
  GREEN_2014(Source.GREEN),
  /** Uber/FHV 2014 pickups: {@code Date/Time,Lat,Lon,Base}. */
  UBER_2014(Source.FHV),
  /** Yellow 2015-01..2016-06: {@code VendorID,tpep_pickup_datetime,...,RateCodeID|RatecodeID}. */
  YELLOW_2015(Source.YELLOW);

  private final Source source;

  TripFormat(Source source) {
    this.source = source;
  }

  public Source source() {
    return source;
  }
}
