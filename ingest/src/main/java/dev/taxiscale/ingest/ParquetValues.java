package dev.taxiscale.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads a stored Parquet value (from a page or a dictionary) as the Java value {@code
 * core.format.ValueRow} converts: whole numbers as {@code Long}, others as {@code Double}, text as
 * {@code String}, timestamps as NYC wall-clock {@code LocalDateTime}.
 */
final class ParquetValues {
  /** The trip files record NYC local time; a UTC-adjusted timestamp is shown in it. */
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;
  private static final long SECONDS_PER_DAY = 86_400;

  /**
   * Where a stored value is read from: a page's values, or a dictionary entry. The getters are
   * parquet-java's; only the one of the column's physical type is called.
   */
  interface Source {
    long getLong();

    int getInteger();

    double getDouble();

    float getFloat();

    Binary getBinary();

    boolean getBoolean();
  }

  /** Reads one value from a source; the caller checks it is not null first. */
  interface Reader {
    Object read(Source source);
  }

  private ParquetValues() {}

  /**
   * A reader of the column's values. Not thread-safe: a reader of typed times keeps the last day it
   * built, since a file's times fall on few days and building each time's date took 7% of a Parquet
   * load's parse time.
   */
  static Reader readerFor(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case INT64:
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
          WallClock clock = new WallClock(timestamp);
          return c -> clock.at(c.getLong());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
          return c -> BigDecimal.valueOf(c.getLong(), decimal.getScale()).doubleValue();
        }
        return Source::getLong;
      case INT32:
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
          return c -> BigDecimal.valueOf(c.getInteger(), decimal.getScale()).doubleValue();
        }
        return c -> (long) c.getInteger();
      case DOUBLE:
        return Source::getDouble;
      // a float's shortest decimal form, as a CSV writer would print it: 0.1f reads as 0.1
      case FLOAT:
        return c -> Double.parseDouble(Float.toString(c.getFloat()));
      case INT96:
        return c -> int96(c.getBinary());
      case BOOLEAN:
        return c -> Boolean.toString(c.getBoolean());
      default:
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
          return c ->
              new BigDecimal(new BigInteger(c.getBinary().getBytes()), decimal.getScale())
                  .doubleValue();
        }
        return c -> c.getBinary().toStringUsingUTF8();
    }
  }

  /** Typed times as NYC wall-clock times in whole seconds, as the CSV files give them. */
  private static final class WallClock {
    private final TimestampLogicalTypeAnnotation type;
    private long day = Long.MIN_VALUE;
    private LocalDate date;

    WallClock(TimestampLogicalTypeAnnotation type) {
      this.type = type;
    }

    LocalDateTime at(long value) {
      long seconds =
          switch (type.getUnit()) {
            case MILLIS -> Math.floorDiv(value, 1_000L);
            case MICROS -> Math.floorDiv(value, 1_000_000L);
            case NANOS -> Math.floorDiv(value, 1_000_000_000L);
          };
      if (type.isAdjustedToUTC()) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), NEW_YORK);
      }
      long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
      if (epochDay != day) {
        date = LocalDate.ofEpochDay(epochDay);
        day = epochDay;
      }
      return LocalDateTime.of(date, LocalTime.ofSecondOfDay(seconds - epochDay * SECONDS_PER_DAY));
    }
  }

  /** Spark and Impala's legacy INT96: nanoseconds of the day, then the Julian day, UTC. */
  private static LocalDateTime int96(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bytes.getLong();
    long day = bytes.getInt() - JULIAN_DAY_OF_EPOCH;
    long seconds = TimeUnit.DAYS.toSeconds(day) + TimeUnit.NANOSECONDS.toSeconds(nanosOfDay);
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), NEW_YORK);
  }
}
