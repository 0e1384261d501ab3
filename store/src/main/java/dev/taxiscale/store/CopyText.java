package dev.taxiscale.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * A growable byte buffer with the value writers of PostgreSQL's COPY text format.
 *
 * <p>Numbers are written without {@code String.format} and, where a short decimal represents the
 * double exactly, without {@code Double.toString}, because formatting dominates the cost of a row.
 */
final class CopyText {
  private static final double[] POWERS_OF_TEN = new double[18];

  /** Beyond 2^53 a long no longer maps one-to-one onto doubles. */
  private static final double MAX_EXACT = 9.007199254740992e15;

  static {
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = Math.pow(10, i);
    }
  }

  byte[] buf;
  int size;

  CopyText(int initialCapacity) {
    buf = new byte[initialCapacity];
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void appendTimestamp(LocalDateTime ts) {
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

  void appendDouble(double v) {
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
  void appendFixed(long digits, int decimals) {
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

  void appendInteger(Integer v) {
    if (v == null) {
      putNull();
    } else {
      appendLong(v);
    }
  }

  void appendLong(long v) {
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

  void appendPadded(long v, int width) {
    int end = size + width - 1;
    for (int i = end; i >= size; i--) {
      buf[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    size += width;
  }

  /** Text with COPY's escapes; non-ASCII as UTF-8, the connection's client encoding. */
  void appendText(String s) {
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

  void appendUtf8(String rest) {
    String escaped =
        rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  void appendAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  void putEscaped(char c) {
    buf[size++] = '\\';
    buf[size++] = (byte) c;
  }

  /** COPY's marker for an absent value. */
  void putNull() {
    buf[size++] = '\\';
    buf[size++] = 'N';
  }

  void tab() {
    buf[size++] = '\t';
  }

  void put(char c) {
    buf[size++] = (byte) c;
  }

  void reverse(int from, int to) {
    while (from < to) {
      byte tmp = buf[from];
      buf[from++] = buf[to];
      buf[to--] = tmp;
    }
  }

  /** Makes room for {@code extra} more bytes. */
  void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
