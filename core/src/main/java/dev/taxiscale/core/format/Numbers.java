package dev.taxiscale.core.format;

/**
 * Parses decimal numbers from a slice of a line without allocating, where {@link
 * Double#parseDouble} would need a substring per field.
 */
final class Numbers {
  /** Returned by {@link #parseInt} for text that is not an integer. */
  static final int NOT_AN_INT = Integer.MIN_VALUE;

  /** Mantissas up to 2^53 convert to double exactly. */
  private static final long EXACT_MANTISSA = 1L << 53;

  /** A long holds any 18-digit number; later digits are below a double's precision anyway. */
  private static final int MAX_DIGITS = 18;

  /** Powers of ten that are exact doubles, so one multiplication or division rounds once. */
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Numbers() {}

  /**
   * Parses {@code [-+]digits[.digits][e[-+]digits]}, with {@code .65} allowed; returns NaN for
   * anything else, including empty text.
   *
   * <p>Up to 15 significant digits the result equals {@link Double#parseDouble}; beyond that (the
   * full-precision floats of Yellow 2014) it may differ in the last bit, far below the 1e-7 degrees
   * coordinates carry.
   */
  static double parseDouble(String s, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exponent = 0;
    boolean anyDigit = false;
    boolean fraction = false;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        if (digits < MAX_DIGITS) {
          mantissa = mantissa * 10 + (c - '0');
          digits += mantissa == 0 ? 0 : 1;
          exponent -= fraction ? 1 : 0;
        } else if (!fraction) {
          exponent++;
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else if ((c == 'e' || c == 'E') && anyDigit) {
        int power = parseInt(s, i + 1, to);
        if (power == NOT_AN_INT) {
          return Double.NaN;
        }
        exponent += power;
        break;
      } else {
        return Double.NaN;
      }
    }
    if (!anyDigit) {
      return Double.NaN;
    }
    double value = scale(mantissa, exponent, s, from, to);
    return negative ? -value : value;
  }

  private static double scale(long mantissa, int exponent, String s, int from, int to) {
    if (mantissa == 0) {
      return 0;
    }
    if (exponent >= 0 && exponent < POW10.length && mantissa <= EXACT_MANTISSA) {
      return mantissa * POW10[exponent];
    }
    if (exponent < 0 && -exponent < POW10.length) {
      return mantissa / POW10[-exponent];
    }
    // Huge or tiny magnitudes never occur in trip files; let the JDK get them exactly right.
    double absolute = Double.parseDouble(s.substring(from, to));
    return Math.abs(absolute);
  }

  /** Parses {@code [-+]digits} into an int; returns {@link #NOT_AN_INT} for anything else. */
  static int parseInt(String s, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    if (i >= to || to - i > 9) {
      return NOT_AN_INT;
    }
    int value = 0;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_AN_INT;
      }
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }
}
