package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.HourlySums;
import dev.taxiscale.store.TripCopyEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Splits a block into lines, parses and cleans each, and encodes the kept trips as COPY rows and
 * adds them to the block's hourly sums.
 *
 * <p>One per parser thread: it owns its encoder, sums and tally.
 */
final class BlockParser implements BatchSource.Parser<Block> {
  private final TripLineProcessor processor;
  private final int fileId;
  private final Tally tally;
  private final TripCopyEncoder encoder = new TripCopyEncoder(1 << 20);
  private final HourlySums sums = new HourlySums();

  BlockParser(TripLineProcessor processor, int fileId, Tally tally) {
    this.processor = processor;
    this.fileId = fileId;
    this.tally = tally;
  }

  /**
   * Parses every line of the block.
   *
   * @return the block's kept trips as COPY text, possibly empty
   */
  @Override
  public byte[] parse(Block block) {
    encoder.reset();
    sums.clear();
    byte[] data = block.data();
    long lineNumber = block.firstLine();
    int start = 0;
    while (start < block.length()) {
      int newline = indexOf(data, start, block.length());
      int end = newline < 0 ? block.length() : newline;
      // the header is line 1 and was read when the file was opened
      if (lineNumber > 1) {
        handle(line(data, start, end), lineNumber);
      }
      lineNumber++;
      start = end + 1;
    }
    return encoder.toByteArray();
  }

  @Override
  public HourlySums sums() {
    return sums;
  }

  @Override
  public long rows() {
    return tally.rows();
  }

  private void handle(String line, long lineNumber) {
    if (TripLineProcessor.isBlank(line)) {
      tally.blank++;
      return;
    }
    if (line.equals(BlockReader.OVERLONG_LINE)) {
      tally.count(
          new Outcome.Rejected(
              Reason.OVERLONG_LINE,
              "longer than " + (BlockReader.MAX_LINE_BYTES >> 20) + " MiB, skipped"),
          lineNumber,
          () -> "");
      return;
    }
    Outcome outcome;
    try {
      outcome = processor.process(line, fileId, lineNumber);
    } catch (RuntimeException e) {
      // the processor rejects bad rows rather than throwing, so this is a bug worth locating
      throw new IllegalStateException(
          "line " + lineNumber + " broke the parser: " + Failures.firstLine(e), e);
    }
    Trip trip = tally.count(outcome, lineNumber, () -> line);
    if (trip != null) {
      encoder.append(trip);
      sums.add(trip);
    }
  }

  /** The line without its CR, for files with CRLF line ends. */
  private static String line(byte[] data, int start, int end) {
    if (end > start && data[end - 1] == '\r') {
      end--;
    }
    return new String(data, start, end - start, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
