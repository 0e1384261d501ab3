package dev.taxiscale.bench;

import org.HdrHistogram.Histogram;

/**
 * What one path did in one mode: latency of the answered requests in microseconds, answers per
 * second, and the requests that failed.
 *
 * @param path e.g. {@code engine} or {@code kafka-2}
 * @param mode e.g. {@code sequential} or {@code concurrent-4}
 * @param workers worker processes behind the path, 0 when it has none
 */
public record PathSummary(
    String path,
    String mode,
    int workers,
    long count,
    long errors,
    double meanMicros,
    long p50Micros,
    long p90Micros,
    long p99Micros,
    long maxMicros,
    double perSecond,
    double seconds,
    Histogram histogram) {

  /** The summary of a histogram of microseconds recorded over {@code elapsedNanos}. */
  public static PathSummary of(
      String path, String mode, int workers, Histogram micros, long errors, long elapsedNanos) {
    long count = micros.getTotalCount();
    return new PathSummary(
        path,
        mode,
        workers,
        count,
        errors,
        count == 0 ? 0 : micros.getMean(),
        micros.getValueAtPercentile(50),
        micros.getValueAtPercentile(90),
        micros.getValueAtPercentile(99),
        micros.getMaxValue(),
        elapsedNanos <= 0 ? 0 : count * 1e9 / elapsedNanos,
        elapsedNanos / 1e9,
        micros);
  }

  /** This run and another of the same path and mode as one: histograms, errors and time added. */
  public PathSummary plus(PathSummary other) {
    Histogram both = histogram.copy();
    both.add(other.histogram);
    return of(
        path,
        mode,
        workers,
        both,
        errors + other.errors,
        Math.round((seconds + other.seconds) * 1e9));
  }
}
