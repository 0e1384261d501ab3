package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;

/**
 * Typed access to the fields of one split line. A required field that is empty or malformed throws
 * {@link BadField}; an optional one that is absent or empty reads as NaN or null.
 */
final class Row implements TripFields {
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

  @Override
  public LocalDateTime optionalTimestamp(Column column) {
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

  @Override
  public double optionalNumber(Column column) {
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

  @Override
  public Integer optionalInt(Column column) {
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

  @Override
  public Boolean optionalFlag(Column column) {
    int field = indexes[column.ordinal()];
    return field < 0 ? null : Codes.flag(column, line, starts[field], ends[field]);
  }

  /** The row's source where the format has the column, else the format's own. */
  @Override
  public Source source(Source ofFormat) {
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

  @Override
  public String vendor() {
    int field = indexes[Column.VENDOR.ordinal()];
    return field < 0 || starts[field] == ends[field]
        ? null
        : Codes.vendor(line, starts[field], ends[field]);
  }

  @Override
  public String payment() {
    int field = indexes[Column.PAYMENT.ordinal()];
    return field < 0 || starts[field] == ends[field]
        ? null
        : Codes.payment(line, starts[field], ends[field]);
  }

  private String describe(Column column, int field) {
    return column.label() + " '" + line.substring(starts[field], ends[field]) + "'";
  }
}
