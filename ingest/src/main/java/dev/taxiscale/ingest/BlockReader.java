package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into blocks of whole lines and numbers them, so parser threads can split and parse
 * blocks independently while every line keeps its physical line number.
 */
final class BlockReader {
  /** A longer line is no trip row: no published row comes near 1 KiB. */
  static final int MAX_LINE_BYTES = 16 << 20;

  /**
   * What stands in a block for a line longer than {@link #MAX_LINE_BYTES}, which is skipped unread
   * so that it costs one reject instead of the whole file: a lone NUL, which no CSV row is.
   */
  static final String OVERLONG_LINE = "\0";

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
  Block next() throws IOException {
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
      if (length >= MAX_LINE_BYTES) {
        // buf holds one line from its start: pending always begins where a line does
        return skipOverlongLine();
      }
      buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_BYTES));
    }
  }

  /** Reads past the rest of the current line; returns a block of its stand-in. */
  private Block skipOverlongLine() throws IOException {
    byte[] chunk = new byte[blockSize];
    pending = new byte[0];
    pendingLength = 0;
    while (true) {
      int n = in.read(chunk, 0, chunk.length);
      if (n < 0) {
        eof = true;
        break;
      }
      int newline = indexOf(chunk, n, (byte) '\n');
      if (newline >= 0) {
        pending = Arrays.copyOfRange(chunk, newline + 1, n);
        pendingLength = pending.length;
        break;
      }
    }
    byte[] standIn = (OVERLONG_LINE + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Block block = new Block(standIn, standIn.length, nextLine);
    nextLine++;
    return block;
  }

  private static int indexOf(byte[] buf, int length, byte b) {
    for (int i = 0; i < length; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
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
}
