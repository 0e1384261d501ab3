package dev.taxiscale.core.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Formats CSV text straight into a byte buffer: numbers and timestamps are written digit by digit
 * because String.format and the JDK's formatters would cost more than the rest of a row.
 */
final class ByteSink {
  private static final int CAPACITY = 1 << 16;

  /** No row is longer; a row is always written whole before the buffer is flushed. */
  private static final int MAX_ROW = 1024;

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final OutputStream out;
  private final byte[] buf = new byte[CAPACITY];
  private int pos;

  private long cachedDay = Long.MIN_VALUE;
  private final int[] cachedDate = new int[3];

  ByteSink(OutputStream out) {
    this.out = out;
  }

  /** Makes room for a row; call before writing each one. */
  void ensureRowRoom() throws IOException {
    if (pos > CAPACITY - MAX_ROW) {
      flush();
    }
  }

  void flush() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  int position() {
    return pos;
  }

  /** Cuts the text written since {@code from} just before its {@code n}-th comma. */
  void cutBeforeComma(int from, int n) {
    int commas = 0;
    for (int i = from; i < pos; i++) {
      if (buf[i] == ',' && ++commas == n) {
        pos = i;
        return;
      }
    }
  }

  ByteSink ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
    return this;
  }

  ByteSink utf8(String s) throws IOException {
    flush();
    out.write(s.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  ByteSink ch(char c) {
    buf[pos++] = (byte) c;
    return this;
  }

  ByteSink comma() {
    buf[pos++] = ',';
    return this;
  }

  ByteSink crlf() {
    buf[pos++] = '\r';
    buf[pos++] = '\n';
    return this;
  }

  ByteSink integer(long value) {
    if (value < 0) {
      buf[pos++] = '-';
      value = -value;
    }
    int digits = 1;
    while (digits < 19 && value >= POW10[digits]) {
      digits++;
    }
    return padded(value, digits);
  }

  /** Exactly {@code digits} digits, zero-padded on the left. */
  ByteSink padded(long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      buf[pos + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    pos += digits;
    return this;
  }

  /**
   * A value given in units of 10^-scale, with trailing fraction zeros dropped ({@code 6.5}, {@code
   * 14}), optionally without the leading zero below one ({@code .65}).
   */
  ByteSink decimal(long units, int scale, boolean fixed, boolean leadingZero) {
    if (units < 0) {
      buf[pos++] = '-';
      units = -units;
    }
    long whole = units / POW10[scale];
    long fraction = units % POW10[scale];
    if (whole > 0 || leadingZero) {
      integer(whole);
    }
    int digits = scale;
    if (!fixed) {
      while (digits > 0 && fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
    }
    if (digits > 0) {
      buf[pos++] = '.';
      padded(fraction, digits);
    } else if (whole == 0 && !leadingZero) {
      buf[pos++] = '0';
    }
    return this;
  }

  /**
   * Like C's {@code %.17g} for values from 10 to 999 with trailing zeros dropped, as the TLC files
   * print coordinates: {@code 40.736828000000003}, {@code -73.7763671875}.
   */
  ByteSink fullPrecision(double value) {
    if (value < 0) {
      buf[pos++] = '-';
      value = -value;
    }
    long whole = (long) value;
    // Both steps are exact or round once: the fraction of a double is a double, and times 1e15
    // it stays below 2^53.
    long fraction = Math.round((value - whole) * 1e15);
    if (fraction == POW10[15]) {
      whole++;
      fraction = 0;
    }
    return decimal(whole * POW10[15] + fraction, 15, false, true);
  }

  /** {@code YYYY-MM-DD HH:MM:SS} for a local epoch second. */
  ByteSink isoTimestamp(long epochSecond) {
    int[] date = date(epochSecond);
    padded(date[0], 4).ch('-').padded(date[1], 2).ch('-').padded(date[2], 2).ch(' ');
    return clock(epochSecond, true);
  }

  /** Turns the month of the ISO timestamp just written into 13, which no parser accepts. */
  void patchMonthThirteen() {
    buf[pos - 14] = '1';
    buf[pos - 13] = '3';
  }

  /** {@code M/D/YYYY H:MM:SS} without zero padding, as the Uber 2014 files write it. */
  ByteSink slashedTimestamp(long epochSecond) {
    int[] date = date(epochSecond);
    integer(date[1]).ch('/').integer(date[2]).ch('/').padded(date[0], 4).ch(' ');
    return clock(epochSecond, false);
  }

  private ByteSink clock(long epochSecond, boolean padHour) {
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
    int hour = secondOfDay / 3600;
    if (padHour) {
      padded(hour, 2);
    } else {
      integer(hour);
    }
    return ch(':').padded(secondOfDay / 60 % 60, 2).ch(':').padded(secondOfDay % 60, 2);
  }

  /** Year, month and day; cached because consecutive rows share a day. */
  private int[] date(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    if (day != cachedDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      cachedDate[0] = date.getYear();
      cachedDate[1] = date.getMonthValue();
      cachedDate[2] = date.getDayOfMonth();
      cachedDay = day;
    }
    return cachedDate;
  }
}
