package dev.taxiscale.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the writers of PostgreSQL's COPY text format that the hourly sums
 * need: integers and text. Integers are written digit by digit rather than through {@code
 * Long.toString}, which would allocate a string per value.
 */
final class CopyText {
  byte[] buf;
  int size;

  CopyText(int initialCapacity) {
    buf = new byte[initialCapacity];
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
