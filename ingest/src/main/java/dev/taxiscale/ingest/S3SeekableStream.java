package dev.taxiscale.ingest;

import dev.taxiscale.s3.S3ObjectInfo;
import dev.taxiscale.s3.S3Objects;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Random access to one object in S3 for parquet-java, over ranged GETs pinned to the object's ETag
 * (a replaced object fails the read, it never mixes versions). A seek only moves the position: the
 * next read goes on in the open range when the position is in it and at most {@link #SKIP_BYTES}
 * ahead, and opens a new range otherwise, of what the read wants but at least {@link
 * #FIRST_GET_BYTES}. A range that follows on from the last one is twice as long, up to {@link
 * #MAX_RANGE_BYTES}: sequential reading in small pieces soon costs few GETs.
 */
final class S3SeekableStream extends SeekableInputStream {
  /**
   * Reading this far ahead in the open range costs about what a new GET's round trip does: nearer
   * positions (the next column chunk, the next page index) are reached by reading through.
   */
  static final long SKIP_BYTES = 1L << 20;

  /**
   * A range after a seek asks for at least this much: page indexes are read a few bytes at a time,
   * which must not cost a GET each, and what a read leaves of it is drained, not aborted.
   */
  static final long FIRST_GET_BYTES = 64L << 10;

  /** As the sequential stream's ranges: the per-request round trip is noise next to this. */
  static final long MAX_RANGE_BYTES = 16L << 20;

  private final S3Objects objects;
  private final S3ObjectInfo object;
  private InputStream range;
  private long rangePosition;
  private long rangeEnd;
  private long rangeLength;
  private long position;
  private int rangesOpened;

  S3SeekableStream(S3Objects objects, S3ObjectInfo object) {
    this.objects = objects;
    this.object = object;
  }

  @Override
  public long getPos() {
    return position;
  }

  @Override
  public void seek(long newPosition) throws IOException {
    if (newPosition < 0 || newPosition > object.size()) {
      throw new EOFException(
          "seek to byte " + newPosition + " of an object of " + object.size() + " bytes");
    }
    position = newPosition;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position >= object.size()) {
      return -1;
    }
    int n =
        rangeAtPosition(length).read(buffer, offset, (int) Math.min(length, rangeEnd - position));
    if (n < 0) {
      throw new EOFException("the object ended early at byte " + position);
    }
    position += n;
    rangePosition = position;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, object.size() - position));
    position += skipped;
    return skipped;
  }

  @Override
  public void readFully(byte[] bytes) throws IOException {
    readFully(bytes, 0, bytes.length);
  }

  @Override
  public void readFully(byte[] bytes, int start, int len) throws IOException {
    for (int done = 0; done < len; ) {
      int n = read(bytes, start + done, len - done);
      if (n < 0) {
        throw new EOFException(
            "reached the end of the object with " + (len - done) + " bytes still to read");
      }
      done += n;
    }
  }

  @Override
  public int read(ByteBuffer buffer) throws IOException {
    if (!buffer.hasArray()) {
      byte[] copy = new byte[buffer.remaining()];
      int n = read(copy, 0, copy.length);
      if (n > 0) {
        buffer.put(copy, 0, n);
      }
      return n;
    }
    int n = read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    if (n > 0) {
      buffer.position(buffer.position() + n);
    }
    return n;
  }

  @Override
  public void readFully(ByteBuffer buffer) throws IOException {
    if (!buffer.hasArray()) {
      byte[] copy = new byte[buffer.remaining()];
      readFully(copy, 0, copy.length);
      buffer.put(copy);
      return;
    }
    readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    buffer.position(buffer.limit());
  }

  @Override
  public void close() throws IOException {
    closeRange();
  }

  /** How many ranges were opened: each began with a GET. */
  int rangesOpened() {
    return rangesOpened;
  }

  /** The open range, read through to the position when that is near, else a new one there. */
  private InputStream rangeAtPosition(int wanted) throws IOException {
    long ahead = position - rangePosition;
    if (range != null && position < rangeEnd && ahead >= 0 && ahead <= SKIP_BYTES) {
      range.skipNBytes(ahead);
      rangePosition = position;
      return range;
    }
    boolean followsOn = range != null && position == rangeEnd;
    closeRange();
    rangeLength =
        Math.max(wanted, followsOn ? Math.min(2 * rangeLength, MAX_RANGE_BYTES) : FIRST_GET_BYTES);
    rangeEnd = Math.min(object.size(), position + rangeLength);
    range = objects.open(object, position, rangeEnd);
    rangePosition = position;
    rangesOpened++;
    return range;
  }

  private void closeRange() throws IOException {
    if (range != null) {
      InputStream open = range;
      range = null;
      open.close();
    }
  }
}
