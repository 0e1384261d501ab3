package dev.taxiscale.ingest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one ingest run: a report per file plus totals; serializes to JSON as is.
 *
 * @param rowsIn always {@code kept + rejected}
 * @param rejects rejected rows per reason code over all files, sorted by code
 * @param elapsedMillis wall time of the whole run
 */
public record IngestReport(
    List<FileReport> files,
    long rowsIn,
    long kept,
    long rejected,
    Map<String, Long> rejects,
    long skippedBlank,
    long elapsedMillis) {

  public IngestReport {
    files = List.copyOf(files);
    rejects = Collections.unmodifiableMap(new TreeMap<>(rejects));
    if (rowsIn != kept + rejected) {
      throw new IllegalArgumentException(
          "rowsIn must equal kept + rejected, got " + rowsIn + " != " + kept + " + " + rejected);
    }
  }

  /** Totals the file reports. */
  public static IngestReport of(List<FileReport> files, long elapsedMillis) {
    long kept = 0;
    long rejected = 0;
    long blank = 0;
    Map<String, Long> rejects = new TreeMap<>();
    for (FileReport file : files) {
      kept += file.kept();
      rejected += file.rejected();
      blank += file.skippedBlank();
      file.rejects().forEach((code, n) -> rejects.merge(code, n, Long::sum));
    }
    return new IngestReport(files, kept + rejected, kept, rejected, rejects, blank, elapsedMillis);
  }

  /** Rows per second over the files that were actually loaded in this run. */
  public double loadedRowsPerSecond() {
    long rows = 0;
    long millis = 0;
    for (FileReport file : files) {
      if (!file.alreadyLoaded()) {
        rows += file.rowsIn();
        millis += file.elapsedMillis();
      }
    }
    return millis == 0 ? 0 : rows * 1000.0 / millis;
  }
}
