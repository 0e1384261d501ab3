package dev.taxiscale.store;

import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.trip.Trip;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * Encodes trips as PostgreSQL COPY text rows in the column order of {@link TripCopyWriter#COLUMNS}
 * into a growable byte buffer.
 *
 * <p>Not thread-safe: give each thread its own encoder. Numbers are written without {@code
 * String.format} and, where a short decimal represents the double exactly, without {@code
 * Double.toString}, because formatting dominates the cost of a row.
 */
public final class TripCopyEncoder {
  private static final byte[] NULL = {'\\', 'N'};
  private static final double[] POWERS_OF_TEN = new double[18];

  /** Beyond 2^53 a long no longer maps one-to-one onto doubles. */
  private static final double MAX_EXACT = 9.007199254740992e15;

  static {
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = Math.pow(10, i);
    }
  }

  private byte[] buf;
  private int size;

  public TripCopyEncoder() {
    this(1 << 16);
  }

  public TripCopyEncoder(int initialCapacity) {
    buf = new byte[Math.max(initialCapacity, 512)];
  }

  /** Appends one row, terminated by a newline. */
  public void append(Trip t) {
    ensure(512);
    appendLong(t.id());
    tab();
    appendLong(t.fileId());
    tab();
    appendText(t.source().code());
    tab();
    appendText(t.vendor());
    tab();
    appendTimestamp(t.pickupAt());
    tab();
    appendTimestamp(t.dropoffAt());
    tab();
    appendDouble(t.pickupLon());
    tab();
    appendDouble(t.pickupLat());
    tab();
    appendDouble(t.dropoffLon());
    tab();
    appendDouble(t.dropoffLat());
    tab();
    appendPoint(t.pickupLon(), t.pickupLat());
    tab();
    appendPoint(t.dropoffLon(), t.dropoffLat());
    tab();
    appendInteger(t.passengers());
    tab();
    appendDouble(t.distanceMiles());
    tab();
    appendDouble(t.fare());
    tab();
    appendDouble(t.total());
    tab();
    appendText(t.payment());
    tab();
    appendInteger(t.rateCode());
    put('\n');
  }

  /** The encoded bytes; valid up to {@link #size()} until the next append or reset. */
  public byte[] buffer() {
    return buf;
  }

  public int size() {
    return size;
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    size = 0;
  }

  /** A copy of the encoded bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void appendTimestamp(LocalDateTime ts) {
    if (ts == null) {
      putNull();
      return;
    }
    appendPadded(ts.getYear(), 4);
    put('-');
    appendPadded(ts.getMonthValue(), 2);
    put('-');
    appendPadded(ts.getDayOfMonth(), 2);
    put(' ');
    appendPadded(ts.getHour(), 2);
    put(':');
    appendPadded(ts.getMinute(), 2);
    put(':');
    appendPadded(ts.getSecond(), 2);
    int micros = ts.getNano() / 1000;
    if (micros != 0) {
      put('.');
      appendPadded(micros, 6);
    }
  }

  /** Projected meters at millimeter precision, far below GPS error. */
  private void appendPoint(double lon, double lat) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      putNull();
      return;
    }
    put('(');
    appendFixed(Math.round(Projection.x(lon) * 1000), 3);
    put(',');
    appendFixed(Math.round(Projection.y(lat) * 1000), 3);
    put(')');
  }

  private void appendDouble(double v) {
    if (!Double.isFinite(v)) {
      putNull();
      return;
    }
    for (int decimals = 0; decimals < POWERS_OF_TEN.length; decimals++) {
      double scaled = v * POWERS_OF_TEN[decimals];
      if (Math.abs(scaled) >= MAX_EXACT) {
        break;
      }
      long digits = Math.round(scaled);
      // the division is correctly rounded, as is parsing the decimal, so equality proves the
      // decimal text reads back as exactly v
      if (digits / POWERS_OF_TEN[decimals] == v) {
        appendFixed(digits, decimals);
        return;
      }
    }
    appendAscii(Double.toString(v));
  }

  /** Writes {@code digits / 10^decimals} in plain decimal notation. */
  private void appendFixed(long digits, int decimals) {
    if (decimals == 0) {
      appendLong(digits);
      return;
    }
    if (digits < 0) {
      put('-');
      digits = -digits;
    }
    long scale = (long) POWERS_OF_TEN[decimals];
    appendLong(digits / scale);
    put('.');
    appendPadded(digits % scale, decimals);
  }

  private void appendInteger(Integer v) {
    if (v == null) {
      putNull();
    } else {
      appendLong(v);
    }
  }

  private void appendLong(long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        appendAscii(Long.toString(v));
        return;
      }
      put('-');
      v = -v;
    }
    int start = size;
    do {
      buf[size++] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    reverse(start, size - 1);
  }

  private void appendPadded(long v, int width) {
    int end = size + width - 1;
    for (int i = end; i >= size; i--) {
      buf[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    size += width;
  }

  /** Text with COPY's escapes; non-ASCII as UTF-8, the connection's client encoding. */
  private void appendText(String s) {
    if (s == null) {
      putNull();
      return;
    }
    ensure(s.length() * 2 + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        appendUtf8(s.substring(i));
        return;
      }
      switch (c) {
        case '\\' -> putEscaped('\\');
        case '\t' -> putEscaped('t');
        case '\n' -> putEscaped('n');
        case '\r' -> putEscaped('r');
        default -> buf[size++] = (byte) c;
      }
    }
  }

  private void appendUtf8(String rest) {
    String escaped =
        rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void appendAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  private void putEscaped(char c) {
    buf[size++] = '\\';
    buf[size++] = (byte) c;
  }

  private void putNull() {
    buf[size++] = NULL[0];
    buf[size++] = NULL[1];
  }

  private void tab() {
    buf[size++] = '\t';
  }

  private void put(char c) {
    buf[size++] = (byte) c;
  }

  private void reverse(int from, int to) {
    while (from < to) {
      byte tmp = buf[from];
      buf[from++] = buf[to];
      buf[to--] = tmp;
    }
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
