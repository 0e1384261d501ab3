package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.store.FileCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingest engine did with one input file; serializes to JSON as is.
 *
 * @param name the input as given (path or URL)
 * @param rowsIn data rows read, header and blank lines excluded; always {@code kept + rejected}
 * @param rejects rejected rows per reason code (e.g. {@code zero_coordinates}), sorted by code
 * @param skippedBlank blank lines skipped, which are not rows (0 when already loaded)
 * @param elapsedMillis wall time spent on the file
 * @param alreadyLoaded whether the same bytes were loaded before, so nothing was loaded now and the
 *     counts are the earlier load's
 */
public record FileReport(
    String name,
    int fileId,
    FileLayout format,
    long rowsIn,
    long kept,
    long rejected,
    Map<String, Long> rejects,
    long skippedBlank,
    long elapsedMillis,
    boolean alreadyLoaded) {

  public FileReport {
    if (rowsIn != kept + rejected) {
      throw new IllegalArgumentException(
          "rowsIn must equal kept + rejected, got " + rowsIn + " != " + kept + " + " + rejected);
    }
    rejects = Collections.unmodifiableMap(new TreeMap<>(rejects));
  }

  /** A report from a file's registry counts. */
  public static FileReport of(
      String name,
      int fileId,
      FileLayout format,
      FileCounts counts,
      long skippedBlank,
      long elapsedMillis,
      boolean alreadyLoaded) {
    return new FileReport(
        name,
        fileId,
        format,
        counts.rowsIn(),
        counts.kept(),
        counts.rejected(),
        codes(counts.rejectsByReason()),
        skippedBlank,
        elapsedMillis,
        alreadyLoaded);
  }

  /** Data rows per second over the elapsed time (0 when nothing was timed). */
  public double rowsPerSecond() {
    return elapsedMillis == 0 ? 0 : rowsIn * 1000.0 / elapsedMillis;
  }

  static Map<String, Long> codes(Map<Reason, Long> byReason) {
    Map<String, Long> codes = new LinkedHashMap<>();
    byReason.forEach((reason, n) -> codes.put(reason.code(), n));
    return codes;
  }
}
