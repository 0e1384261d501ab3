package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValueRowTest {
  private static final LocalDateTime PICKUP = LocalDateTime.of(2010, 3, 4, 8, 15, 0);

  /** A ten-minute ride from Penn Station to Grand Central, paid by card. */
  private static ValueRow pennToGrandCentral() {
    ValueRow row = new ValueRow();
    row.set(Column.VENDOR, "VTS");
    row.set(Column.PICKUP_AT, PICKUP);
    row.set(Column.DROPOFF_AT, PICKUP.plusMinutes(10));
    row.set(Column.PICKUP_LON, -73.9935);
    row.set(Column.PICKUP_LAT, 40.7506);
    row.set(Column.DROPOFF_LON, -73.9772);
    row.set(Column.DROPOFF_LAT, 40.7527);
    row.set(Column.DISTANCE, 1.2);
    row.set(Column.FARE, 7.5);
    row.set(Column.TOTAL, 9.0);
    return row;
  }

  private static Trip kept(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Kept.class);
    return ((Outcome.Kept) outcome).trip();
  }

  @Test
  void shouldReadCodesStoredAsDoubleAsTheirWholeNumber() {
    ValueRow row = pennToGrandCentral();
    row.set(Column.PAYMENT, 1.0);
    row.set(Column.PASSENGERS, 2.0);

    Trip trip = kept(row.process(ParquetLayout.YELLOW_2010, 7, 3));

    assertThat(trip.payment()).isEqualTo("card");
    assertThat(trip.passengers()).isEqualTo(2);
    assertThat(trip.id()).isEqualTo(Trip.idOf(7, 3));
  }

  @Test
  void shouldReadCodesStoredAsIntegersAsTheSameDigitsInTextAreRead() {
    ValueRow typed = pennToGrandCentral();
    ValueRow text = pennToGrandCentral();
    Object[][] codes = {
      {Column.VENDOR, 2L, "2"}, {Column.PAYMENT, 9L, "9"}, {Column.RATE_CODE, 5L, "5"}
    };
    for (Object[] code : codes) {
      typed.set((Column) code[0], code[1]);
      text.set((Column) code[0], code[2]);
    }

    Trip fromTyped = kept(typed.process(ParquetLayout.YELLOW_2010, 1, 1));

    assertThat(fromTyped).isEqualTo(kept(text.process(ParquetLayout.YELLOW_2010, 1, 1)));
    assertThat(fromTyped.vendor()).isEqualTo("VTS");
    assertThat(fromTyped.payment()).isEqualTo("unknown");
  }

  @Test
  void shouldRejectAnIntegerCodeOfTenDigitsAsItsTextIsRejected() {
    ValueRow row = pennToGrandCentral();
    row.set(Column.PASSENGERS, 1_000_000_000L);

    assertThat(row.process(ParquetLayout.YELLOW_2010, 1, 1))
        .isEqualTo(new Outcome.Rejected(Reason.UNPARSEABLE_NUMBER, "passengers '1000000000'"));
  }

  @Test
  void shouldReadTimestampsStoredAsText() {
    ValueRow row = pennToGrandCentral();
    row.set(Column.PICKUP_AT, "2010-03-04 08:15:00");

    assertThat(kept(row.process(ParquetLayout.YELLOW_2010, 1, 1)).pickupAt()).isEqualTo(PICKUP);
  }

  @Test
  void shouldRejectAMalformedTextTimestampAsTheCsvPathDoes() {
    ValueRow row = pennToGrandCentral();
    row.set(Column.DROPOFF_AT, "2010-13-04 08:25:00");

    Outcome outcome = row.process(ParquetLayout.YELLOW_2010, 1, 1);

    assertThat(((Outcome.Rejected) outcome).reason()).isEqualTo(Reason.UNPARSEABLE_TIMESTAMP);
  }

  @Test
  void shouldRejectARowWithoutAPickupPlace() {
    ValueRow row = pennToGrandCentral();
    row.set(Column.PICKUP_LAT, null);

    Outcome outcome = row.process(ParquetLayout.YELLOW_2010, 1, 1);

    assertThat(((Outcome.Rejected) outcome).reason()).isEqualTo(Reason.UNPARSEABLE_NUMBER);
  }

  @Test
  void shouldKeepARowWhoseOptionalColumnsAreAllNull() {
    ValueRow row = pennToGrandCentral();
    row.set(Column.FARE, null);
    row.set(Column.TOTAL, null);

    assertThat(kept(row.process(ParquetLayout.YELLOW_2010, 1, 1)).fare()).isNaN();
  }

  @Test
  void shouldShowARecordAsItsSetColumnsWithMissingValuesEmpty() {
    ValueRow row = new ValueRow();
    row.set(Column.VENDOR, "VTS");
    row.set(Column.PICKUP_AT, PICKUP);
    row.set(Column.PICKUP_LON, -73.9935);
    row.set(Column.PICKUP_LAT, null);

    assertThat(row.raw()).isEqualTo("VTS,2010-03-04T08:15,-73.9935,");
  }
}
