package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Column.*;

import dev.taxiscale.core.clean.Cleaner;
import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import java.time.YearMonth;

/** Builds a trip from one row's fields and cleans it: the step CSV and Parquet rows share. */
final class TripAssembler {
  private TripAssembler() {}

  /**
   * The row kept as a trip, or rejected with exactly one reason.
   *
   * @param rowNumber the CSV line number or the Parquet row number, used for the trip id
   */
  static Outcome assemble(
      FileLayout layout, TripFields row, int fileId, long rowNumber, FileContext context) {
    Trip trip;
    try {
      trip =
          layout.zoneBased()
              ? ZonePlacer.place(layout, row, Trip.idOf(fileId, rowNumber), context.zonesOrEmpty())
              : parse(layout, row, fileId, rowNumber);
    } catch (BadField e) {
      return new Outcome.Rejected(e.reason, e.getMessage());
    }
    YearMonth month = context.month();
    if (month != null && !YearMonth.from(trip.pickupAt()).equals(month)) {
      return new Outcome.Rejected(
          Reason.PICKUP_OUTSIDE_FILE_MONTH, "pickup " + trip.pickupAt() + " not in " + month);
    }
    return Cleaner.clean(trip);
  }

  private static Trip parse(FileLayout layout, TripFields row, int fileId, long rowNumber) {
    LocalDateTime pickupAt = row.requiredTimestamp(PICKUP_AT);
    LocalDateTime dropoffAt = row.optionalTimestamp(DROPOFF_AT);
    return new Trip(
        Trip.idOf(fileId, rowNumber),
        fileId,
        row.source(layout.source()),
        row.vendor(),
        pickupAt,
        dropoffAt,
        row.requiredNumber(PICKUP_LON),
        row.requiredNumber(PICKUP_LAT),
        row.optionalNumber(DROPOFF_LON),
        row.optionalNumber(DROPOFF_LAT),
        row.optionalInt(PASSENGERS),
        row.optionalNumber(DISTANCE),
        row.optionalNumber(FARE),
        row.optionalNumber(TOTAL),
        row.payment(),
        row.optionalInt(RATE_CODE),
        null,
        null,
        highVolume(layout, row));
  }

  /** What a high-volume for-hire row adds, read as the common fields are; else null. */
  static HighVolume highVolume(FileLayout layout, TripFields row) {
    if (!layout.highVolume()) {
      return null;
    }
    return new HighVolume(
        row.optionalNumber(TIPS),
        row.optionalNumber(DRIVER_PAY),
        row.optionalTimestamp(REQUEST_AT),
        row.optionalTimestamp(ON_SCENE_AT),
        row.optionalFlag(SHARED_REQUEST),
        row.optionalFlag(SHARED_MATCH),
        row.optionalFlag(ACCESS_A_RIDE),
        row.optionalFlag(WAV_REQUEST),
        row.optionalFlag(WAV_MATCH));
  }
}
