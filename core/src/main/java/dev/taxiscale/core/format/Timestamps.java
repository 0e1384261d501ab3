package dev.taxiscale.core.format;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * Parses the two timestamp shapes of the trip files without a formatter: {@code YYYY-MM-DD
 * HH:MM:SS} (TLC) and {@code M/D/YYYY H:MM[:SS]} without zero padding (Uber 2014).
 */
final class Timestamps {
  private Timestamps() {}

  /** The timestamp in {@code s[from, to)}, or null when it is not a valid timestamp. */
  static LocalDateTime parse(String s, int from, int to) {
    if (to - from == 19 && s.charAt(from + 4) == '-') {
      return iso(s, from);
    }
    return slashed(s, from, to);
  }

  private static LocalDateTime iso(String s, int at) {
    char separator = s.charAt(at + 10);
    if (s.charAt(at + 7) != '-'
        || (separator != ' ' && separator != 'T')
        || s.charAt(at + 13) != ':'
        || s.charAt(at + 16) != ':') {
      return null;
    }
    return of(
        digits(s, at, 4),
        digits(s, at + 5, 2),
        digits(s, at + 8, 2),
        digits(s, at + 11, 2),
        digits(s, at + 14, 2),
        digits(s, at + 17, 2));
  }

  private static LocalDateTime slashed(String s, int from, int to) {
    int[] parts = new int[6];
    char[] separators = {'/', '/', ' ', ':', ':'};
    int pos = from;
    int part = 0;
    while (part < 6) {
      int start = pos;
      while (pos < to && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start || pos - start > 4) {
        return null;
      }
      parts[part++] = Numbers.parseInt(s, start, pos);
      if (pos == to) {
        break;
      }
      if (part == 6 || s.charAt(pos) != separators[part - 1]) {
        return null;
      }
      pos++;
    }
    // Month, day, year, hour and minute are required; seconds are optional.
    if (part < 5) {
      return null;
    }
    return of(parts[2], parts[0], parts[1], parts[3], parts[4], parts[5]);
  }

  private static LocalDateTime of(int year, int month, int day, int hour, int minute, int second) {
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null; // e.g. February 30th: a malformed row, reported as such by the caller
    }
  }

  /** The value of {@code count} decimal digits at {@code at}, or -1 if any is not a digit. */
  private static int digits(String s, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
