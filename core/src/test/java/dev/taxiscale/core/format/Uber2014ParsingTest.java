package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Lines.kept;
import static dev.taxiscale.core.format.Lines.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class Uber2014ParsingTest {
  private final TripLineProcessor processor =
      Lines.processorFor(FormatDetectionTest.UBER_QUOTED_HEADER);

  /** A pickup at Grand Central as the original files write it: quoted, unpadded, CRLF. */
  private static final String AT_GRAND_CENTRAL =
      "\"7/4/2014 9:05:00\",40.7527,-73.9772,\"B02598\"\r";

  /** A pickup at Williamsburg as the re-saved files write it: no quotes, LF, no seconds. */
  private static final String AT_WILLIAMSBURG = "12/31/2014 23:59,40.7081,-73.9571,B02764";

  @Test
  void shouldReadAQuotedUnpaddedTimestamp() {
    assertThat(kept(processor, AT_GRAND_CENTRAL).pickupAt())
        .isEqualTo(LocalDateTime.of(2014, 7, 4, 9, 5, 0));
  }

  @Test
  void shouldReadATimestampWithoutSeconds() {
    assertThat(kept(processor, AT_WILLIAMSBURG).pickupAt())
        .isEqualTo(LocalDateTime.of(2014, 12, 31, 23, 59, 0));
  }

  @Test
  void shouldReadLatitudeBeforeLongitude() {
    Trip trip = kept(processor, AT_GRAND_CENTRAL);

    assertThat(trip.pickupLat()).isEqualTo(40.7527);
    assertThat(trip.pickupLon()).isEqualTo(-73.9772);
  }

  @Test
  void shouldKeepTheBaseAsVendor() {
    assertThat(kept(processor, AT_GRAND_CENTRAL).vendor()).isEqualTo("B02598");
  }

  @Test
  void shouldHaveNoDropoffFareOrPassengers() {
    Trip trip = kept(processor, AT_GRAND_CENTRAL);

    assertThat(trip.source()).isEqualTo(Source.FHV);
    assertThat(trip.hasDropoff()).isFalse();
    assertThat(trip.dropoffAt()).isNull();
    assertThat(trip.fare()).isNaN();
    assertThat(trip.distanceMiles()).isNaN();
    assertThat(trip.passengers()).isNull();
    assertThat(trip.payment()).isNull();
  }

  @Test
  void shouldRejectAnImpossibleDate() {
    assertThat(rejection(processor, "\"2/30/2014 9:05:00\",40.7527,-73.9772,\"B02598\""))
        .isEqualTo(Reason.UNPARSEABLE_TIMESTAMP);
  }

  @Test
  void shouldRejectALineCutInsideTheQuotedDate() {
    assertThat(rejection(processor, "\"7/4/2014 9:0")).isEqualTo(Reason.TRUNCATED_ROW);
  }
}
