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
 * <p>Numbers can also be set unboxed ({@link #setNumber}, {@link #setWhole}), as a Parquet reader
 * has them: boxing each and testing its type on every read took a tenth of the Parquet parse time
 * in profiles. An unboxed value means exactly what its boxed {@code Double} or {@code Long} means.
 *
 * <p>Reused for every row of a batch by one thread: not thread-safe.
 */
public final class ValueRow implements TripFields {
  /** The largest code {@link Numbers#parseInt} reads from text: nine digits. */
  private static final long MAX_CODE = 999_999_999L;

  /** The largest whole DOUBLE read as a code: beyond it a double no longer holds every integer. */
  private static final double MAX_WHOLE_DOUBLE = 1e15;

  // how each column's value is held: in values, numbers or wholes
  private static final byte OBJECT = 0;
  private static final byte NUMBER = 1;
  private static final byte WHOLE = 2;

  private final Object[] values = new Object[Column.COUNT];
  private final double[] numbers = new double[Column.COUNT];
  private final long[] wholes = new long[Column.COUNT];
  private final byte[] kinds = new byte[Column.COUNT];
  private final boolean[] present = new boolean[Column.COUNT];

  /** Forgets the previous row's values. */
  public void clear() {
    java.util.Arrays.fill(values, null);
    java.util.Arrays.fill(kinds, OBJECT);
    java.util.Arrays.fill(present, false);
  }

  /** Sets a column the file has; a null value is a missing one, shown empty in {@link #raw}. */
  public void set(Column column, Object value) {
    int i = column.ordinal();
    values[i] = value;
    kinds[i] = OBJECT;
    present[i] = true;
  }

  /** Sets a column the file stores as a floating-point number: as {@code set} with a Double. */
  public void setNumber(Column column, double value) {
    int i = column.ordinal();
    numbers[i] = value;
    kinds[i] = NUMBER;
    present[i] = true;
  }

  /** Sets a column the file stores as a whole number: as {@code set} with a Long. */
  public void setWhole(Column column, long value) {
    int i = column.ordinal();
    wholes[i] = value;
    kinds[i] = WHOLE;
    present[i] = true;
  }

  /**
   * The values of the columns set, in {@link Column} order, as one CSV-like line for the rejects
   * file: every engine shows a rejected record the same way.
   */
  public String raw() {
    java.util.StringJoiner line = new java.util.StringJoiner(",");
    for (int i = 0; i < values.length; i++) {
      if (present[i]) {
        Object value = value(i);
        line.add(value == null ? "" : value.toString());
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
    Object value = value(column.ordinal());
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
    int i = column.ordinal();
    if (kinds[i] == NUMBER) {
      return numbers[i];
    }
    if (kinds[i] == WHOLE) {
      return wholes[i];
    }
    Object value = values[i];
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
    int i = column.ordinal();
    if (isWhole(i)) {
      long whole = whole(i);
      // as the text path bounds it: at most nine digits
      if (whole < -MAX_CODE || whole > MAX_CODE) {
        throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, value(i)));
      }
      return (int) whole;
    }
    String code = code(column);
    if (code == null) {
      return null;
    }
    int parsed = Numbers.parseInt(code, 0, code.length());
    if (parsed == Numbers.NOT_AN_INT) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, describe(column, value(i)));
    }
    return parsed;
  }

  @Override
  public Boolean optionalFlag(Column column) {
    Object value = value(column.ordinal());
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return Codes.flag(column, text, 0, text.length());
  }

  @Override
  public String vendor() {
    int i = Column.VENDOR.ordinal();
    if (isWhole(i)) {
      return Codes.vendor(whole(i));
    }
    String code = code(Column.VENDOR);
    return code == null ? null : Codes.vendor(code, 0, code.length());
  }

  @Override
  public String payment() {
    int i = Column.PAYMENT.ordinal();
    if (isWhole(i)) {
      return Codes.payment(whole(i));
    }
    String code = code(Column.PAYMENT);
    return code == null ? null : Codes.payment(code, 0, code.length());
  }

  /**
   * Whether the value is a code stored as a number: an INT64 as it is, a whole DOUBLE such as 1.0
   * as the code 1; not text or a fraction. Read so, typed codes skip a round trip through text
   * (seen in ingest profiles) and mean what the same digits in a CSV field mean.
   */
  private boolean isWhole(int i) {
    return switch (kinds[i]) {
      case WHOLE -> true;
      case NUMBER -> isWhole(numbers[i]);
      default -> values[i] instanceof Long || values[i] instanceof Double d && isWhole(d);
    };
  }

  private static boolean isWhole(double d) {
    return d == Math.rint(d) && Math.abs(d) < MAX_WHOLE_DOUBLE;
  }

  /** The code of a value {@link #isWhole}. */
  private long whole(int i) {
    return switch (kinds[i]) {
      case WHOLE -> wholes[i];
      case NUMBER -> (long) numbers[i];
      default -> ((Number) values[i]).longValue();
    };
  }

  /** The value as it would have been set boxed. */
  private Object value(int i) {
    return switch (kinds[i]) {
      case NUMBER -> Double.valueOf(numbers[i]);
      case WHOLE -> Long.valueOf(wholes[i]);
      default -> values[i];
    };
  }

  /** A code stored as text, or as a number that is no {@link #whole} one, as its text. */
  private String code(Column column) {
    Object value = value(column.ordinal());
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
