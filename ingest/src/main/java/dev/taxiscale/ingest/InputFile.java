package dev.taxiscale.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One file to ingest, plain or gzip-compressed, on local disk or in an object store.
 *
 * @param name the input as the user gave it (a path, URL or {@code s3://} address), used in reports
 *     and messages
 * @param stored where the bytes are
 * @param gzip whether the file starts with the gzip magic bytes, whatever its name
 */
public record InputFile(String name, StoredBytes stored, boolean gzip) {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  /** Describes a readable local file, checking its first bytes for gzip. */
  public static InputFile of(String name, Path path) throws IOException {
    return of(name, LocalBytes.of(path));
  }

  /** Describes readable stored bytes, checking their first bytes for gzip. */
  public static InputFile of(String name, StoredBytes stored) throws IOException {
    boolean gzip;
    try (InputStream in = stored.open()) {
      gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
    }
    return new InputFile(name, stored, gzip);
  }

  /** The stored size in bytes. */
  public long size() {
    return stored.size();
  }

  /**
   * Where the bytes are on local disk.
   *
   * @throws IllegalStateException for an object read from a store, which has no local path
   */
  public Path path() {
    if (stored instanceof LocalBytes local) {
      return local.path();
    }
    throw new IllegalStateException(name + " is not a local file");
  }

  /** The last path segment, e.g. {@code yellow_tripdata_2014-01.csv}, for derived file names. */
  public String fileName() {
    return stored.fileName();
  }

  /** The decompressed content. */
  public InputStream open() throws IOException {
    return decompressed(stored.open());
  }

  /** Wraps a stream of the stored bytes (e.g. one that counts them) to yield the content. */
  public InputStream decompressed(InputStream stored) throws IOException {
    InputStream buffered = new BufferedInputStream(stored, BUFFER);
    return gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
  }
}
