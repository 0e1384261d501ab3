package dev.taxiscale.spark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Turns a value as Spark's Parquet source hands it over into the value the local engine's reader
 * gives {@code ValueRow} for the same Parquet bytes: whole numbers as {@code Long}, others as
 * {@code Double}, text as {@code String}, times as NYC wall-clock {@code LocalDateTime} in whole
 * seconds. Only the types change here; the rules stay in {@code ValueRow}.
 */
final class SparkValues {
  /** The trip files record NYC local time; an instant (UTC-adjusted or INT96) is shown in it. */
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private SparkValues() {}

  static Object of(Object value) {
    if (value == null || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof LocalDateTime wallClock) {
      // TIMESTAMP(unit, not adjusted to UTC) reads as timestamp_ntz: no zone, no shift
      return wallClock.truncatedTo(ChronoUnit.SECONDS);
    }
    if (value instanceof Instant instant) {
      return inNewYork(instant);
    }
    if (value instanceof Timestamp timestamp) {
      return inNewYork(timestamp.toInstant());
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      // a float's shortest decimal form, as a CSV writer would print it: 0.1f reads as 0.1
      return Double.parseDouble(Float.toString(f));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof LocalDate date) {
      // a DATE is an INT32 of days to the local engine's reader, which no trip time accepts
      return date.toEpochDay();
    }
    return value.toString();
  }

  /**
   * A TIMESTAMP(NANOS) value, which Spark hands over as its INT64 count, as the local engine reads
   * it: whole seconds, shown in NYC when adjusted to UTC, else the wall clock as written.
   */
  static LocalDateTime ofNanos(long nanos, boolean adjustedToUtc) {
    long seconds = Math.floorDiv(nanos, 1_000_000_000L);
    return adjustedToUtc
        ? inNewYork(Instant.ofEpochSecond(seconds))
        : LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
  }

  private static LocalDateTime inNewYork(Instant instant) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(instant.getEpochSecond()), NEW_YORK);
  }
}
