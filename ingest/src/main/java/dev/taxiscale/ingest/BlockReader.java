package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into blocks of whole lines and numbers them, so parser threads can split and parse
 * blocks independently while every line keeps its physical line number.
 */
final class BlockReader {
  /** A longer line is not text: no published row comes near 1 KiB. */
  static final int MAX_LINE_BYTES = 16 << 20;

  private final InputStream in;
  private final int blockSize;
  private byte[] pending = new byte[0];
  private int pendingLength;
  private long nextLine = 1;
  private boolean eof;

  BlockReader(InputStream in, int blockSize) {
    this.in = in;
    this.blockSize = blockSize;
  }

  /** The next block, or null at the end of the stream. */
  Block next() throws IOException, LineTooLongException {
    if (eof && pendingLength == 0) {
      return null;
    }
    byte[] buf = Arrays.copyOf(pending, Math.max(blockSize, pendingLength * 2));
    int length = pendingLength;
    while (true) {
      length = fill(buf, length);
      int end = lastNewline(buf, length);
      if (end >= 0) {
        return cut(buf, length, end + 1);
      }
      if (eof) {
        return cut(buf, length, length);
      }
      if (buf.length >= MAX_LINE_BYTES) {
        throw new LineTooLongException(nextLine);
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
  }

  private Block cut(byte[] buf, int length, int blockLength) {
    pendingLength = length - blockLength;
    pending = Arrays.copyOfRange(buf, blockLength, length);
    Block block = new Block(buf, blockLength, nextLine);
    nextLine += countNewlines(buf, blockLength);
    return blockLength == 0 ? null : block;
  }

  private int fill(byte[] buf, int length) throws IOException {
    while (length < buf.length && !eof) {
      int n = in.read(buf, length, buf.length - length);
      if (n < 0) {
        eof = true;
      } else {
        length += n;
      }
    }
    return length;
  }

  private static int lastNewline(byte[] buf, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int countNewlines(byte[] buf, int length) {
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (buf[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  /** A line longer than {@link #MAX_LINE_BYTES}, which means the file is not line-based text. */
  static final class LineTooLongException extends Exception {
    final long line;

    LineTooLongException(long line) {
      super("line " + line + " is longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
      this.line = line;
    }
  }
}
