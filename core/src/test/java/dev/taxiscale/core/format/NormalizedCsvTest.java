package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class NormalizedCsvTest {
  private static final String PENN_TO_UNION_SQUARE =
      "VendorID,lpep_pickup_datetime,Lpep_dropoff_datetime,Store_and_fwd_flag,RateCodeID,"
          + "Pickup_longitude,Pickup_latitude,Dropoff_longitude,Dropoff_latitude,Passenger_count,"
          + "Trip_distance,Fare_amount,Extra,MTA_tax,Tip_amount,Tolls_amount,Ehail_fee,"
          + "Total_amount,Payment_type,Trip_type ";

  private static Trip kept(TripLineProcessor processor, String line) {
    return ((Outcome.Kept) processor.process(line, 7, 3)).trip();
  }

  @Test
  void shouldReadBackTheTripItWrote() throws Exception {
    Trip original =
        kept(
            TripLineProcessor.forHeader(PENN_TO_UNION_SQUARE),
            "2,2014-04-01 08:00:00,2014-04-01 08:12:30,N,1,-73.9935,40.7506,-73.9903,40.7359,2,"
                + "1.3,9.5,0,0.5,2,0,,12.3,2,1,,");

    Trip reread =
        kept(TripLineProcessor.forHeader(NormalizedCsv.HEADER), NormalizedCsv.line(original));

    assertThat(reread).isEqualTo(original);
  }

  @Test
  void shouldLeaveAbsentValuesEmptyAndKeepAPickupOnlyTrip() throws Exception {
    Trip pickup =
        new Trip(
            1,
            7,
            Source.FHV,
            "B02512",
            LocalDateTime.of(2014, 4, 1, 8, 0),
            null,
            -73.9935,
            40.7506,
            Double.NaN,
            Double.NaN,
            null,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            null,
            null);

    String line = NormalizedCsv.line(pickup);

    assertThat(line).isEqualTo("fhv,B02512,2014-04-01 08:00:00,,,,-73.9935,40.7506,,,,,,");
    assertThat(kept(TripLineProcessor.forHeader(NormalizedCsv.HEADER), line).source())
        .isEqualTo(Source.FHV);
  }
}
