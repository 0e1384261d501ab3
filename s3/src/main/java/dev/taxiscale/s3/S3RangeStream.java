package dev.taxiscale.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Streams one object as consecutive ranged GETs, each pinned to the ETag seen when the object was
 * listed, so memory stays flat however large the object is and a replaced object fails the read
 * instead of mixing two versions.
 *
 * <p>A range cut off by the network is resumed from the byte where it stopped, a few times.
 */
final class S3RangeStream extends InputStream {
  /** Large enough that the per-request round trip is noise next to the transfer. */
  static final long RANGE_BYTES = 16L << 20;

  /**
   * The first range is small: format checks read only the first line and stop, and a big first
   * range would be fetched for nothing.
   */
  static final long FIRST_RANGE_BYTES = 64L << 10;

  static final int MAX_RESUMES = 3;

  /** What is left of a range up to this size is read and dropped rather than aborted. */
  static final long DRAIN_BYTES = 64L << 10;

  private static final int PRECONDITION_FAILED = 412;

  private final S3Client client;
  private final S3ObjectInfo object;
  private final long from;
  private final long to;
  private final long firstRange;
  private ResponseInputStream<GetObjectResponse> body;
  private long position;
  private long rangeEnd;
  private int resumes;

  /** The whole object, its first range small. */
  S3RangeStream(S3Client client, S3ObjectInfo object) {
    this(client, object, 0, object.size(), FIRST_RANGE_BYTES);
  }

  /**
   * The bytes from {@code from} up to {@code to} (exclusive), in ranges of {@link #RANGE_BYTES} but
   * the first, of {@code firstRange}.
   */
  S3RangeStream(S3Client client, S3ObjectInfo object, long from, long to, long firstRange) {
    if (from < 0 || from > to || to > object.size()) {
      throw new IllegalArgumentException(
          "a byte range within the object's " + object.size() + " bytes, got " + from + "-" + to);
    }
    this.client = client;
    this.object = object;
    this.from = from;
    this.to = to;
    this.firstRange = firstRange;
    this.position = from;
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
    while (position < to) {
      if (body == null) {
        open();
      }
      int n;
      try {
        n = body.read(buffer, offset, (int) Math.min(length, rangeEnd - position));
      } catch (IOException e) {
        resumeAfter(e);
        continue;
      }
      if (n < 0) {
        resumeAfter(new EOFException("the response ended early at byte " + position));
        continue;
      }
      position += n;
      if (position == rangeEnd) {
        closeBody();
        resumes = 0;
      }
      return n;
    }
    return -1;
  }

  @Override
  public void close() {
    closeBody();
  }

  private void open() throws IOException {
    long end = Math.min(to, position + (position == from ? firstRange : RANGE_BYTES));
    S3Location at = object.location();
    try {
      body =
          client.getObject(
              b ->
                  b.bucket(at.bucket())
                      .key(at.key())
                      .range("bytes=" + position + "-" + (end - 1))
                      .ifMatch(quoted(object.etag())));
    } catch (S3Exception e) {
      throw e.statusCode() == PRECONDITION_FAILED
          ? new ObjectChangedException(e)
          : S3Errors.asIOException(e);
    } catch (SdkException e) {
      throw S3Errors.asIOException(e);
    }
    rangeEnd = end;
    // not every S3-compatible store honours If-Match on GET, so the answer is checked as well
    String etag = new S3ObjectInfo(at, 0, body.response().eTag()).etag();
    if (!etag.equals(object.etag())) {
      abortBody();
      throw new ObjectChangedException(null);
    }
  }

  private void resumeAfter(IOException e) throws IOException {
    // what is left of a broken response is not drained: it could fail or stall again
    abortBody();
    if (++resumes > MAX_RESUMES) {
      throw e;
    }
  }

  /**
   * A range not read to its end is aborted: draining it would download bytes nobody reads. When
   * little is left it is drained instead, which keeps the connection for the next GET.
   */
  private void closeBody() {
    if (body == null) {
      return;
    }
    if (position < rangeEnd && !drained()) {
      body.abort();
    }
    release();
  }

  private void abortBody() {
    if (body != null) {
      body.abort();
      release();
    }
  }

  private void release() {
    try {
      body.close();
    } catch (IOException ignored) {
      // the range is finished with either way
    }
    body = null;
  }

  private boolean drained() {
    if (rangeEnd - position > DRAIN_BYTES) {
      return false;
    }
    try {
      body.skipNBytes(rangeEnd - position);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String quoted(String etag) {
    return "\"" + etag + "\"";
  }
}
