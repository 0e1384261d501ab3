package dev.taxiscale.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * A snapshot of one file's load, for progress lines.
 *
 * @param bytesRead bytes of the file as stored (compressed for gzip) read so far
 * @param totalBytes the stored file size
 */
public record Progress(
    String file, long rowsIn, long bytesRead, long totalBytes, Duration elapsed) {

  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : rowsIn / seconds;
  }

  /** Fraction of the file read, 0 to 1. */
  public double fractionRead() {
    return totalBytes <= 0 ? 0 : Math.min(1, (double) bytesRead / totalBytes);
  }

  /** The remaining time if the read rate holds; zero once everything is read. */
  public Duration eta() {
    if (bytesRead <= 0 || bytesRead >= totalBytes) {
      return Duration.ZERO;
    }
    double remaining = elapsed.toNanos() * ((double) (totalBytes - bytesRead) / bytesRead);
    return Duration.ofNanos((long) remaining);
  }

  /**
   * e.g. {@code yellow.csv: 1,200,000 rows, 410,000 rows/s, 120 of 268 MiB read (45%), ETA 0:12};
   * bytes as stored, so compressed for gzip.
   */
  public String describe() {
    long eta = eta().toSeconds();
    return String.format(
        Locale.ROOT,
        "%s: %,d rows, %,.0f rows/s, %,d of %,d MiB read (%.0f%%), ETA %d:%02d",
        file,
        rowsIn,
        rowsPerSecond(),
        bytesRead >> 20,
        totalBytes >> 20,
        fractionRead() * 100,
        eta / 60,
        eta % 60);
  }
}
