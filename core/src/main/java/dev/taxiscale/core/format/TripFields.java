package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;

/**
 * One row's values by {@link Column}, whether it came from a CSV line or a Parquet record. An
 * absent or empty value reads as null or NaN; a malformed one throws {@link BadField}.
 */
interface TripFields {
  LocalDateTime optionalTimestamp(Column column);

  double optionalNumber(Column column);

  Integer optionalInt(Column column);

  /** A yes/no flag read by {@link Codes#flag}: true, false, or null when absent or blank. */
  Boolean optionalFlag(Column column);

  /** The row's fleet where it names one (the normalized CSV does), else {@code ofFormat}. */
  default Source source(Source ofFormat) {
    return ofFormat;
  }

  /** The vendor normalized by {@link Codes#vendor}, or null. */
  String vendor();

  /** The payment normalized by {@link Codes#payment}, or null. */
  String payment();

  default LocalDateTime requiredTimestamp(Column column) {
    LocalDateTime value = optionalTimestamp(column);
    if (value == null) {
      throw new BadField(Reason.UNPARSEABLE_TIMESTAMP, column.label() + " is empty");
    }
    return value;
  }

  default double requiredNumber(Column column) {
    double value = optionalNumber(column);
    if (Double.isNaN(value)) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, column.label() + " is empty");
    }
    return value;
  }
}
