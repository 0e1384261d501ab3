package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Lines.kept;
import static dev.taxiscale.core.format.Lines.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import org.junit.jupiter.api.Test;

class Green2014ParsingTest {
  private final TripLineProcessor processor =
      Lines.processorFor(FormatDetectionTest.GREEN_2014_HEADER);

  /** A short boro-taxi hop in Williamsburg: 22 fields, a distance without its leading zero. */
  private static final String WILLIAMSBURG_HOP =
      "2,2014-05-03 22:10:05,2014-05-03 22:16:40,N,1,-73.957099914550781,40.708099365234375,"
          + "-73.949302673339844,40.714599609375,1,.65,5.5,0.5,0.5,1.2,0,,7.7,1,,,\r";

  /** The same hop as the early 2014 files often record it: no GPS fix at pickup. */
  private static final String WITHOUT_PICKUP_FIX =
      "2,2014-05-03 22:10:05,2014-05-03 22:16:40,N,1,0,0,"
          + "-73.949302673339844,40.714599609375,1,.65,5.5,0.5,0.5,1.2,0,,7.7,1,,,";

  @Test
  void shouldReadADistanceWithoutLeadingZero() {
    assertThat(kept(processor, WILLIAMSBURG_HOP).distanceMiles()).isEqualTo(0.65);
  }

  @Test
  void shouldMapTheNumericVendorToItsCode() {
    assertThat(kept(processor, WILLIAMSBURG_HOP).vendor()).isEqualTo("VTS");
  }

  @Test
  void shouldReadColumnsByNameWhereTheyDifferFromYellow() {
    Trip trip = kept(processor, WILLIAMSBURG_HOP);

    assertThat(trip.source()).isEqualTo(Source.GREEN);
    assertThat(trip.passengers()).isEqualTo(1);
    assertThat(trip.total()).isCloseTo(7.7, within(1e-12));
    assertThat(trip.payment()).isEqualTo("card");
    assertThat(trip.dropoffLat()).isEqualTo(40.714599609375);
  }

  @Test
  void shouldRejectAZeroPickup() {
    assertThat(rejection(processor, WITHOUT_PICKUP_FIX)).isEqualTo(Reason.ZERO_COORDINATES);
  }

  @Test
  void shouldRejectARowCutBeforeTheHeaderColumnsEnd() {
    assertThat(rejection(processor, "2,2014-05-03 22:10:05,2014-05-03 22:16:40,N,1,-73.95"))
        .isEqualTo(Reason.TRUNCATED_ROW);
  }
}
