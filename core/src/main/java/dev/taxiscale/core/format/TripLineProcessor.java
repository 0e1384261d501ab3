package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Outcome;
import java.io.Serializable;

/**
 * Parses and cleans the data lines of one file: the single code path both ingest engines run.
 *
 * <p>Built from the file's header line; immutable and serializable so Spark can ship it to
 * executors; safe to share between threads.
 */
public final class TripLineProcessor implements Serializable {

  private final TripFormat format;

  private TripLineProcessor(TripFormat format) {
    this.format = format;
  }

  /** Detects the format from a header line (quirks such as leading spaces tolerated). */
  public static TripLineProcessor forHeader(String headerLine) throws UnknownFormatException {
    throw new UnknownFormatException("not implemented yet: " + headerLine);
  }

  public TripFormat format() {
    return format;
  }

  /** Blank lines (some files have one or two after the header) are not rows and are skipped. */
  public static boolean isBlank(String line) {
    return line.isBlank();
  }

  /**
   * Parses one non-blank data line into a kept trip or a rejection with exactly one reason.
   *
   * @param fileId the ingest file id, stored in the trip
   * @param lineNumber 1-based physical line number in the file, used for the trip id
   */
  public Outcome process(String line, int fileId, long lineNumber) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
