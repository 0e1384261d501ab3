package dev.taxiscale.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One local file to ingest, plain or gzip-compressed.
 *
 * @param name the input as the user gave it (a path or URL), used in reports and messages
 * @param path where the bytes are on local disk (the download cache for URLs)
 * @param size the stored size in bytes
 * @param gzip whether the file starts with the gzip magic bytes, whatever its name
 */
public record InputFile(String name, Path path, long size, boolean gzip) {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  /** Describes a readable local file, checking its first bytes for gzip. */
  public static InputFile of(String name, Path path) throws IOException {
    long size = Files.size(path);
    boolean gzip;
    try (InputStream in = Files.newInputStream(path)) {
      gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
    }
    return new InputFile(name, path, size, gzip);
  }

  /** The last path segment, e.g. {@code yellow_tripdata_2014-01.csv}, for derived file names. */
  public String fileName() {
    return path.getFileName().toString();
  }

  /** The decompressed content. */
  public InputStream open() throws IOException {
    return decompressed(Files.newInputStream(path));
  }

  /** Wraps a stream of the stored bytes (e.g. one that counts them) to yield the content. */
  public InputStream decompressed(InputStream stored) throws IOException {
    InputStream buffered = new BufferedInputStream(stored, BUFFER);
    return gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
  }
}
