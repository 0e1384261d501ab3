package dev.taxiscale.core.query;

import dev.taxiscale.core.trip.Source;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Validation helpers shared by the request records; every failure names its field. */
final class Check {

  private Check() {}

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  static double range(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new ValidationException(
          field, "must be a number in [" + plain(min) + ", " + plain(max) + "], got " + value);
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(
          field, "must be an integer in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  /** An optional integer: the default when absent, otherwise checked against its range. */
  static int orDefault(String field, Integer value, int fallback, int min, int max) {
    return value == null ? fallback : range(field, value, min, max);
  }

  /** An optional number: the default when absent, otherwise checked against its range. */
  static double orDefault(String field, Double value, double fallback, double min, double max) {
    return value == null ? fallback : range(field, value, min, max);
  }

  /** Sources as an immutable set in enum order; absent or empty means every source. */
  static Set<Source> sources(Collection<Source> sources) {
    if (sources == null || sources.isEmpty()) {
      return Collections.unmodifiableSet(EnumSet.allOf(Source.class));
    }
    for (Source source : sources) {
      if (source == null) {
        throw new ValidationException("sources", "must not contain null");
      }
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(sources));
  }

  static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
