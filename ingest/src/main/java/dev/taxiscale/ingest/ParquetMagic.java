package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tells Parquet files from the rest by their bytes: a Parquet file starts and ends with {@code
 * PAR1}. A name ending in {@code .parquet} is only a claim, which a failed download (an HTML page)
 * or a renamed CSV breaks.
 */
final class ParquetMagic {
  static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /** The smallest file with both magic markers and a footer length between them. */
  private static final int MIN_SIZE = 2 * 4 + 4;

  private ParquetMagic() {}

  /** Whether the file claims (by name) or appears (by its first bytes) to be Parquet. */
  static boolean isParquet(InputFile file) throws IOException {
    if (!(file.stored() instanceof LocalBytes)) {
      // objects in a store are read as a stream; Parquet needs random access to its footer
      if (file.fileName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        throw new IOException("Parquet objects are read from local files only; download it first");
      }
      return false;
    }
    return file.fileName().toLowerCase(Locale.ROOT).endsWith(".parquet") || startsWithMagic(file);
  }

  /**
   * Checks both markers, so a file cut short is caught before any row is read.
   *
   * @throws IngestException naming the file and what its bytes look like instead
   */
  static void check(InputFile file) throws IngestException {
    try {
      if (!startsWithMagic(file)) {
        throw new IngestException(
            file.name() + ": not a Parquet file (it starts with '" + head(file) + "')");
      }
      if (file.size() < MIN_SIZE || !Arrays.equals(tail(file.path()), MAGIC)) {
        throw new IngestException(
            file.name() + ": truncated Parquet file (no footer; download it again)");
      }
    } catch (IOException e) {
      throw new IngestException(file.name() + ": " + Failures.describe(e), e);
    }
  }

  private static boolean startsWithMagic(InputFile file) throws IOException {
    try (InputStream in = Files.newInputStream(file.path())) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  private static byte[] tail(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path)) {
      ByteBuffer last = ByteBuffer.allocate(MAGIC.length);
      channel.read(last, channel.size() - MAGIC.length);
      return last.array();
    }
  }

  /** The first bytes as text, for a message that shows what the file is instead. */
  private static String head(InputFile file) throws IOException {
    try (InputStream in = Files.newInputStream(file.path())) {
      String text = new String(in.readNBytes(40), StandardCharsets.UTF_8);
      return HeaderReader.abbreviate(text.lines().findFirst().orElse(""));
    }
  }
}
