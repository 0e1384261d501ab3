package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import java.time.LocalDateTime;

/**
 * One record of a typed file (Parquet) as values by {@link Column}: {@code Long}, {@code Double},
 * {@code String} or {@code LocalDateTime}, or null. Files drift between types (codes stored as
 * INT64 or DOUBLE, times as TIMESTAMP or text), so each value converts here under the same rules
 * and reject reasons as a CSV field.
 *
 * <p>Reused for every row of a batch by one thread: not thread-safe.
 */
public final class ValueRow implements TripFields {
  /** The largest code {@link Numbers#parseInt} reads from text: nine digits. */
  private static final long MAX_CODE = 999_999_999L;

  private final Object[] values = new Object[Column.COUNT];
  private final boolean[] present = new boolean[Column.COUNT];

  /** Forgets the previous row's values. */
  public void clear() {
    java.util.Arrays.fill(values, null);
    java.util.Arrays.fill(present, false);
  }

  /** Sets a column the file has; a null value is a missing one, shown empty in {@link #raw}. */
  public void set(Column column, Object value) {
    values[column.ordinal()] = value;
    present[column.ordinal()] = true;
  }

  /**
   * The values of the columns set, in {@link Column} order, as one CSV-like line for the rejects
   * file: every engine shows a rejected record the same way.
   */
  public String raw() {
    java.util.StringJoiner line = new java.util.StringJoiner(",");
    for (int i = 0; i < values.length; i++) {
      if (present[i]) {
        line.add(values[i] == null ? "" : values[i].toString());
      }
    }
    return line.toString();
  }

  /**
   * Builds and cleans the trip, as {@link TripLineProcessor#process} does for a CSV line.
   *
   * @param rowNumber the 1-based row number in the file, used for the trip id
   */
  public Outcome process(FileLayout layout, int fileId, long rowNumber) {
    return process(layout, fileId, rowNumber, FileContext.NONE);
  }

  /** As {@link #process(FileLayout, int, long)}, placing zones and checking the file's month. */
  public Outcome process(FileLayout layout, int fileId, long rowNumber, FileContext context) {
    return TripAssembler.assemble(layout, this, fileId, rowNumber, context);
  }

  @Override
  public LocalDateTime optionalTimestamp(Column column) {
    Object value = values[column.ordinal()];
    if (value == null || value instanceof LocalDateTime) {
      return (LocalDateTime) value;
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    LocalDateTime parsed =
        value instanceof String ? Timestamps.parse(text, 0, text.length()) : null;
    if (parsed == null) {
      throw new BadField(Reason.UNPARSEABLE_TIMESTAMP, describe(column, value));
    }
    return parsed;
  }

  @Override
  public double optionalNumber(Column column) {
    Object value = values[column.ordinal()];
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return Double.NaN;
    }
    double parsed = Numbers.parseDouble(text, 0, text.length());
    if (Double.isNaN(parsed)) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, value));
    }
    return parsed;
  }

  @Override
  public Integer optionalInt(Column column) {
    Object value = values[column.ordinal()];
    Long whole = whole(value);
    if (whole != null) {
      // as the text path bounds it: at most nine digits
      if (whole < -MAX_CODE || whole > MAX_CODE) {
        throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, value));
      }
      return whole.intValue();
    }
    String code = code(column);
    if (code == null) {
      return null;
    }
    int parsed = Numbers.parseInt(code, 0, code.length());
    if (parsed == Numbers.NOT_AN_INT) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, values[column.ordinal()]));
    }
    return parsed;
  }

  @Override
  public Boolean optionalFlag(Column column) {
    Object value = values[column.ordinal()];
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return Codes.flag(column, text, 0, text.length());
  }

  @Override
  public String vendor() {
    Long whole = whole(values[Column.VENDOR.ordinal()]);
    if (whole != null) {
      return Codes.vendor(whole);
    }
    String code = code(Column.VENDOR);
    return code == null ? null : Codes.vendor(code, 0, code.length());
  }

  @Override
  public String payment() {
    Long whole = whole(values[Column.PAYMENT.ordinal()]);
    if (whole != null) {
      return Codes.payment(whole);
    }
    String code = code(Column.PAYMENT);
    return code == null ? null : Codes.payment(code, 0, code.length());
  }

  /**
   * A code stored as a number: an INT64 as it is, a whole DOUBLE such as 1.0 as the code 1; null
   * for text or a fraction. Read so, typed codes skip a round trip through text (seen in ingest
   * profiles) and mean what the same digits in a CSV field mean.
   */
  private static Long whole(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return null;
  }

  /** A code stored as text, or as a number that is no {@link #whole} one, as its text. */
  private String code(Column column) {
    Object value = values[column.ordinal()];
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  private static String describe(Column column, Object value) {
    return column.label() + " '" + value + "'";
  }
}
