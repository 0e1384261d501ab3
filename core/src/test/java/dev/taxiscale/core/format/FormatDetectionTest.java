package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.trip.Trip;
import org.junit.jupiter.api.Test;

class FormatDetectionTest {
  static final String YELLOW_2014_HEADER =
      "vendor_id, pickup_datetime, dropoff_datetime, passenger_count, trip_distance,"
          + " pickup_longitude, pickup_latitude, rate_code, store_and_fwd_flag, dropoff_longitude,"
          + " dropoff_latitude, payment_type, fare_amount, surcharge, mta_tax, tip_amount,"
          + " tolls_amount, total_amount";
  static final String GREEN_2014_HEADER =
      "VendorID,lpep_pickup_datetime,Lpep_dropoff_datetime,Store_and_fwd_flag,RateCodeID,"
          + "Pickup_longitude,Pickup_latitude,Dropoff_longitude,Dropoff_latitude,Passenger_count,"
          + "Trip_distance,Fare_amount,Extra,MTA_tax,Tip_amount,Tolls_amount,Ehail_fee,"
          + "Total_amount,Payment_type,Trip_type ";
  static final String YELLOW_2015_HEADER =
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,"
          + "pickup_longitude,pickup_latitude,RateCodeID,store_and_fwd_flag,dropoff_longitude,"
          + "dropoff_latitude,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,"
          + "improvement_surcharge,total_amount";
  static final String YELLOW_2016_HEADER =
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,"
          + "pickup_longitude,pickup_latitude,RatecodeID,store_and_fwd_flag,dropoff_longitude,"
          + "dropoff_latitude,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,"
          + "improvement_surcharge,total_amount";
  static final String UBER_QUOTED_HEADER = "\"Date/Time\",\"Lat\",\"Lon\",\"Base\"";

  @Test
  void shouldDetectYellow2014FromItsSpacedHeader() throws Exception {
    assertThat(TripLineProcessor.forHeader(YELLOW_2014_HEADER).format())
        .isEqualTo(TripFormat.YELLOW_2014);
  }

  @Test
  void shouldDetectGreen2014DespiteTheTrailingSpaceAndMixedCase() throws Exception {
    assertThat(TripLineProcessor.forHeader(GREEN_2014_HEADER).format())
        .isEqualTo(TripFormat.GREEN_2014);
  }

  @Test
  void shouldDetectUber2014WithQuotedNames() throws Exception {
    assertThat(TripLineProcessor.forHeader(UBER_QUOTED_HEADER).format())
        .isEqualTo(TripFormat.UBER_2014);
  }

  @Test
  void shouldDetectUber2014WithoutQuotes() throws Exception {
    assertThat(TripLineProcessor.forHeader("Date/Time,Lat,Lon,Base").format())
        .isEqualTo(TripFormat.UBER_2014);
  }

  @Test
  void shouldDetectYellow2015SpelledRateCodeId() throws Exception {
    assertThat(TripLineProcessor.forHeader(YELLOW_2015_HEADER).format())
        .isEqualTo(TripFormat.YELLOW_2015);
  }

  @Test
  void shouldDetectYellow2016SpelledRatecodeId() throws Exception {
    assertThat(TripLineProcessor.forHeader(YELLOW_2016_HEADER).format())
        .isEqualTo(TripFormat.YELLOW_2015);
  }

  @Test
  void shouldIgnoreAByteOrderMarkAndCarriageReturn() throws Exception {
    assertThat(TripLineProcessor.forHeader("\uFEFF" + YELLOW_2015_HEADER + "\r").format())
        .isEqualTo(TripFormat.YELLOW_2015);
  }

  @Test
  void shouldMatchColumnsByNameNotPosition() throws Exception {
    TripLineProcessor processor = TripLineProcessor.forHeader("Base,Lon,Lat,Date/Time");

    Trip trip = Lines.kept(processor, "B02617,-73.9772,40.7527,4/2/2014 8:15:00");

    assertThat(trip.pickupLat()).isEqualTo(40.7527);
  }

  @Test
  void shouldDetectEveryFormatFromItsOwnOriginalHeader() throws Exception {
    for (TripFormat format : TripFormat.values()) {
      assertThat(TripLineProcessor.forHeader(format.header()).format()).isEqualTo(format);
    }
  }

  @Test
  void shouldRejectAnUnknownHeaderNamingTheKnownFormats() {
    assertThatThrownBy(() -> TripLineProcessor.forHeader("id,name,price"))
        .isInstanceOf(UnknownFormatException.class)
        .hasMessageContaining("YELLOW_2014")
        .hasMessageContaining("id,name,price");
  }

  @Test
  void shouldTreatWhitespaceOnlyLinesAsBlank() {
    assertThat(TripLineProcessor.isBlank("\r")).isTrue();
  }
}
