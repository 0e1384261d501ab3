package dev.taxiscale.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Tells Parquet files from the rest by their bytes: a Parquet file starts and ends with {@code
 * PAR1}. A name ending in {@code .parquet} is only a claim, which a failed download (an HTML page)
 * or a renamed CSV breaks. Both ends are read through {@link ParquetInputs}, as the readers read
 * them, so objects in S3 are checked as local files are.
 */
final class ParquetMagic {
  static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /** The smallest file with both magic markers and a footer length between them. */
  private static final int MIN_SIZE = 2 * 4 + 4;

  /** Enough of the first bytes to show what a file that is not Parquet is instead. */
  private static final int HEAD_BYTES = 40;

  private ParquetMagic() {}

  /** Whether the file claims (by name) or appears (by its first bytes) to be Parquet. */
  static boolean isParquet(InputFile file) throws IOException {
    if (file.fileName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return true;
    }
    // gzip data starts with its own magic bytes, never with Parquet's: no need to read them again
    return !file.gzip() && startsWithMagic(head(file, MAGIC.length));
  }

  /**
   * Checks both markers, so a file cut short is caught before any row is read.
   *
   * @throws IngestException naming the file and what its bytes look like instead
   */
  static void check(InputFile file) throws IngestException {
    try {
      byte[] head = head(file, HEAD_BYTES);
      if (!startsWithMagic(head)) {
        throw new IngestException(
            file.name() + ": not a Parquet file (it starts with '" + asText(head) + "')");
      }
      if (file.size() < MIN_SIZE || !Arrays.equals(tail(file), MAGIC)) {
        throw new IngestException(
            file.name() + ": truncated Parquet file (no footer; download it again)");
      }
    } catch (IOException e) {
      throw new IngestException(file.name() + ": " + Failures.describe(e), e);
    }
  }

  private static boolean startsWithMagic(byte[] head) {
    return head.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC);
  }

  /** Up to {@code bytes} first bytes, fewer when the file is shorter. */
  private static byte[] head(InputFile file, int bytes) throws IOException {
    byte[] head = new byte[(int) Math.min(bytes, file.size())];
    try (SeekableInputStream in = ParquetInputs.of(file).newStream()) {
      in.readFully(head);
    }
    return head;
  }

  private static byte[] tail(InputFile file) throws IOException {
    byte[] last = new byte[MAGIC.length];
    try (SeekableInputStream in = ParquetInputs.of(file).newStream()) {
      in.seek(file.size() - MAGIC.length);
      in.readFully(last);
    }
    return last;
  }

  /** The first line of the first bytes, for a message that shows what the file is instead. */
  private static String asText(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    return HeaderReader.abbreviate(text.lines().findFirst().orElse(""));
  }
}
