package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;

/**
 * Typed access to the fields of one split line. A required field that is empty or malformed throws
 * {@link BadField}; an optional one that is absent or empty reads as NaN or null.
 */
final class Row {
  private final String line;
  private final int[] indexes;
  private final int[] starts;
  private final int[] ends;

  Row(String line, int[] indexes, int[] starts, int[] ends) {
    this.line = line;
    this.indexes = indexes;
    this.starts = starts;
    this.ends = ends;
  }

  LocalDateTime requiredTimestamp(Column column) {
    LocalDateTime value = optionalTimestamp(column);
    if (value == null) {
      throw new BadField(Reason.UNPARSEABLE_TIMESTAMP, column.label() + " is empty");
    }
    return value;
  }

  LocalDateTime optionalTimestamp(Column column) {
    int field = indexes[column.ordinal()];
    if (field < 0 || starts[field] == ends[field]) {
      return null;
    }
    LocalDateTime value = Timestamps.parse(line, starts[field], ends[field]);
    if (value == null) {
      throw new BadField(Reason.UNPARSEABLE_TIMESTAMP, describe(column, field));
    }
    return value;
  }

  double requiredNumber(Column column) {
    double value = optionalNumber(column);
    if (Double.isNaN(value)) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, column.label() + " is empty");
    }
    return value;
  }

  double optionalNumber(Column column) {
    int field = indexes[column.ordinal()];
    if (field < 0 || starts[field] == ends[field]) {
      return Double.NaN;
    }
    double value = Numbers.parseDouble(line, starts[field], ends[field]);
    if (Double.isNaN(value)) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, field));
    }
    return value;
  }

  Integer optionalInt(Column column) {
    int field = indexes[column.ordinal()];
    if (field < 0 || starts[field] == ends[field]) {
      return null;
    }
    int value = Numbers.parseInt(line, starts[field], ends[field]);
    if (value == Numbers.NOT_AN_INT) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, field));
    }
    return value;
  }

  /** The row's source where the format has the column, else the format's own. */
  Source source(Source ofFormat) {
    int field = indexes[Column.SOURCE.ordinal()];
    if (field < 0) {
      return ofFormat;
    }
    try {
      return Source.fromCode(line.substring(starts[field], ends[field]));
    } catch (IllegalArgumentException e) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(Column.SOURCE, field));
    }
  }

  String vendor() {
    int field = indexes[Column.VENDOR.ordinal()];
    return field < 0 || starts[field] == ends[field]
        ? null
        : Codes.vendor(line, starts[field], ends[field]);
  }

  String payment() {
    int field = indexes[Column.PAYMENT.ordinal()];
    return field < 0 || starts[field] == ends[field]
        ? null
        : Codes.payment(line, starts[field], ends[field]);
  }

  private String describe(Column column, int field) {
    return column.label() + " '" + line.substring(starts[field], ends[field]) + "'";
  }

  /** A field that stops the row: thrown without a stack trace, as malformed rows are routine. */
  static final class BadField extends RuntimeException {
    final transient Reason reason;

    BadField(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }
}
