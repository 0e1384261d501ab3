package dev.taxiscale.lambda;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Raw objects may be gzip-compressed whatever their name: the first two bytes decide. */
final class Gzip {
  private static final int MAGIC_1 = 0x1f;
  private static final int MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  /** A header longer than this means the object is not a CSV text file. */
  static final int MAX_HEADER_CHARS = 64 * 1024;

  private Gzip() {}

  static InputStream decompressed(InputStream stored) throws IOException {
    BufferedInputStream in = new BufferedInputStream(stored, BUFFER);
    in.mark(2);
    boolean gzip = in.read() == MAGIC_1 && in.read() == MAGIC_2;
    in.reset();
    return gzip ? new GZIPInputStream(in, BUFFER) : in;
  }

  /** The first line, or null when there is none within {@link #MAX_HEADER_CHARS}. */
  static String firstLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = reader.read(); c >= 0 && c != '\n'; c = reader.read()) {
      if (line.length() >= MAX_HEADER_CHARS || c == 0) {
        return null;
      }
      line.append((char) c);
    }
    return line.isEmpty() ? null : line.toString();
  }
}
