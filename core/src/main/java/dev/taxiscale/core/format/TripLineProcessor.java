package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import java.io.Serializable;

/**
 * Parses and cleans the data lines of one file: the single code path both ingest engines run.
 *
 * <p>Built from the file's header line; immutable and serializable so Spark can ship it to
 * executors; safe to share between threads.
 */
public final class TripLineProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TripFormat format;

  /** Per {@link Column} ordinal, the field index in a row, or -1 when the format lacks it. */
  private final int[] indexes;

  /** Rows with fewer fields than the header has columns were cut off. */
  private final int headerColumns;

  /** Fields beyond the last one read need no boundaries (Green rows carry two extra). */
  private final int fieldsRead;

  private TripLineProcessor(Layout.Match match) {
    this.format = match.format();
    this.indexes = match.indexes();
    this.headerColumns = match.headerColumns();
    int last = 0;
    for (int index : indexes) {
      last = Math.max(last, index);
    }
    this.fieldsRead = last + 1;
  }

  /** Detects the format from a header line (BOM, quotes, spaces, case and CR tolerated). */
  public static TripLineProcessor forHeader(String headerLine) throws UnknownFormatException {
    return new TripLineProcessor(Layout.detect(headerLine));
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
    int[] starts = new int[fieldsRead];
    int[] ends = new int[fieldsRead];
    int fields = CsvSplitter.split(line, starts, ends);
    if (fields < headerColumns) {
      return new Outcome.Rejected(
          Reason.TRUNCATED_ROW, fields + " fields where the header has " + headerColumns);
    }
    return TripAssembler.assemble(
        format, new Row(line, indexes, starts, ends), fileId, lineNumber, FileContext.NONE);
  }

  /**
   * The raw text of each {@link Column} in a data line, by column ordinal; null where the format
   * lacks the column or the line was cut off before it. For tools that copy a CSV file's values
   * into another format.
   */
  public String[] texts(String line) {
    int[] starts = new int[fieldsRead];
    int[] ends = new int[fieldsRead];
    int fields = CsvSplitter.split(line, starts, ends);
    String[] texts = new String[Column.COUNT];
    for (int column = 0; column < Column.COUNT; column++) {
      int field = indexes[column];
      if (field >= 0 && field < fields) {
        texts[column] = line.substring(starts[field], ends[field]);
      }
    }
    return texts;
  }
}
