package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;
import java.time.LocalDate;

/**
 * What {@link TripGenerator} writes: {@code rows} data rows in {@code format}, with pickups spread
 * over {@code days} days from {@code startDate}, a {@code dirtyShare} of rows that each break
 * exactly one cleaning rule, optionally gzipped. The same config always yields the same bytes.
 */
public record GeneratorConfig(
    TripFormat format,
    long rows,
    long seed,
    LocalDate startDate,
    int days,
    double dirtyShare,
    boolean gzip) {

  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_DAYS = 30;
  public static final double DEFAULT_DIRTY_SHARE = 0.05;

  /** Ten years of pickups is more than any published file spans. */
  public static final int MAX_DAYS = 3660;

  public GeneratorConfig {
    if (format == null) {
      throw new IllegalArgumentException("format is required, one of " + list());
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, was " + rows);
    }
    if (startDate == null) {
      throw new IllegalArgumentException("startDate is required, e.g. 2014-04-01");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be in 1.." + MAX_DAYS + ", was " + days);
    }
    if (!(dirtyShare >= 0 && dirtyShare <= 1)) {
      throw new IllegalArgumentException("dirtyShare must be in 0..1, was " + dirtyShare);
    }
  }

  /**
   * Defaults: seed 42, 30 days from 2014-04-01 (the first Uber 2014 month) or, for Yellow 2015,
   * from 2015-01-01; 5% dirty rows; not gzipped.
   */
  public static GeneratorConfig of(TripFormat format, long rows) {
    return new GeneratorConfig(
        format, rows, DEFAULT_SEED, defaultStart(format), DEFAULT_DAYS, DEFAULT_DIRTY_SHARE, false);
  }

  public GeneratorConfig withRows(long newRows) {
    return new GeneratorConfig(format, newRows, seed, startDate, days, dirtyShare, gzip);
  }

  public GeneratorConfig withSeed(long newSeed) {
    return new GeneratorConfig(format, rows, newSeed, startDate, days, dirtyShare, gzip);
  }

  public GeneratorConfig withDates(LocalDate newStart, int newDays) {
    return new GeneratorConfig(format, rows, seed, newStart, newDays, dirtyShare, gzip);
  }

  public GeneratorConfig withDirtyShare(double newShare) {
    return new GeneratorConfig(format, rows, seed, startDate, days, newShare, gzip);
  }

  public GeneratorConfig withGzip(boolean newGzip) {
    return new GeneratorConfig(format, rows, seed, startDate, days, dirtyShare, newGzip);
  }

  /** The number of dirty rows: the share of rows, rounded to the nearest row. */
  public long dirtyRows() {
    return Math.round(rows * dirtyShare);
  }

  private static LocalDate defaultStart(TripFormat format) {
    return format == TripFormat.YELLOW_2015 ? LocalDate.of(2015, 1, 1) : LocalDate.of(2014, 4, 1);
  }

  private static String list() {
    return java.util.Arrays.toString(TripFormat.values());
  }
}
