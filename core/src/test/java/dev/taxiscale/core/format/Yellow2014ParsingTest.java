package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Lines.kept;
import static dev.taxiscale.core.format.Lines.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class Yellow2014ParsingTest {
  private final TripLineProcessor processor =
      Lines.processorFor(FormatDetectionTest.YELLOW_2014_HEADER);

  /** Penn Station to Grand Central on a March morning, paid by card, as a CMT meter prints it. */
  private static final String PENN_TO_GRAND_CENTRAL =
      "CMT,2014-03-14 08:02:11,2014-03-14 08:17:40,2,1.8999999999999999,"
          + "-73.993519999999997,40.750568000000001,1,N,-73.977211000000004,40.752717999999999,"
          + "CRD,11,0,0.5,2.2000000000000002,0,13.699999999999999\r";

  /** A VeriFone cash ride in the East Village with the store-and-forward flag left empty. */
  private static final String EAST_VILLAGE_CASH =
      "VTS,2014-03-14 23:40:00,2014-03-14 23:47:00,1,1.05,-73.98507,40.72655,1,,"
          + "-73.98831,40.71884,CSH,6.5,0.5,0.5,0,0,7.5";

  @Test
  void shouldReadTheTimesOfARow() {
    Trip trip = kept(processor, PENN_TO_GRAND_CENTRAL);

    assertThat(trip.pickupAt()).isEqualTo(LocalDateTime.of(2014, 3, 14, 8, 2, 11));
    assertThat(trip.dropoffAt()).isEqualTo(LocalDateTime.of(2014, 3, 14, 8, 17, 40));
  }

  @Test
  void shouldReadFullPrecisionCoordinates() {
    Trip trip = kept(processor, PENN_TO_GRAND_CENTRAL);

    assertThat(trip.pickupLon()).isCloseTo(-73.99352, within(1e-12));
    assertThat(trip.pickupLat()).isCloseTo(40.750568, within(1e-12));
    assertThat(trip.dropoffLon()).isCloseTo(-73.977211, within(1e-12));
    assertThat(trip.dropoffLat()).isCloseTo(40.752718, within(1e-12));
  }

  @Test
  void shouldReadTheMeterValues() {
    Trip trip = kept(processor, PENN_TO_GRAND_CENTRAL);

    assertThat(trip.passengers()).isEqualTo(2);
    assertThat(trip.distanceMiles()).isCloseTo(1.9, within(1e-12));
    assertThat(trip.fare()).isEqualTo(11.0);
    assertThat(trip.total()).isCloseTo(13.7, within(1e-12));
    assertThat(trip.rateCode()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheTextVendorAndNormalizeTheCardPayment() {
    Trip trip = kept(processor, PENN_TO_GRAND_CENTRAL);

    assertThat(trip.vendor()).isEqualTo("CMT");
    assertThat(trip.payment()).isEqualTo("card");
  }

  @Test
  void shouldNormalizeCashAndTolerateAnEmptyFlag() {
    Trip trip = kept(processor, EAST_VILLAGE_CASH);

    assertThat(trip.vendor()).isEqualTo("VTS");
    assertThat(trip.payment()).isEqualTo("cash");
  }

  @Test
  void shouldTagTheTripWithItsSourceAndId() {
    Trip trip = kept(processor, EAST_VILLAGE_CASH);

    assertThat(trip.source()).isEqualTo(Source.YELLOW);
    assertThat(trip.id()).isEqualTo(Trip.idOf(Lines.FILE_ID, Lines.LINE_NUMBER));
    assertThat(trip.fileId()).isEqualTo(Lines.FILE_ID);
  }

  @Test
  void shouldRejectTheLastLineCutOffMidRow() {
    assertThat(rejection(processor, "CMT,2014-03-14 08:02:11,2014-03-14 08:1"))
        .isEqualTo(Reason.TRUNCATED_ROW);
  }

  @Test
  void shouldReadAnEmptyPassengerCountAsAbsent() {
    Trip trip = kept(processor, EAST_VILLAGE_CASH.replace("23:47:00,1,", "23:47:00,,"));

    assertThat(trip.passengers()).isNull();
  }

  @Test
  void shouldRejectAMalformedDropoffTime() {
    assertThat(rejection(processor, EAST_VILLAGE_CASH.replace("23:47:00", "23:47")))
        .isEqualTo(Reason.UNPARSEABLE_TIMESTAMP);
  }

  @Test
  void shouldRejectAMalformedFare() {
    assertThat(rejection(processor, EAST_VILLAGE_CASH.replace("CSH,6.5", "CSH,6.5.0")))
        .isEqualTo(Reason.UNPARSEABLE_NUMBER);
  }

  @Test
  void shouldRejectAnEmptyPickupLongitude() {
    assertThat(rejection(processor, EAST_VILLAGE_CASH.replace("-73.98507", "")))
        .isEqualTo(Reason.UNPARSEABLE_NUMBER);
  }
}
