package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Where an input's bytes are stored: a local file, or a remote object streamed in place. */
public interface StoredBytes {
  /** The stored size in bytes (compressed, for gzip). */
  long size();

  /** The stored bytes from the start; the caller closes the stream. */
  InputStream open() throws IOException;

  /** Identifies these bytes in {@code ingest_files}, so the same bytes load only once. */
  String fingerprint() throws IOException;

  /** The last segment of the name, e.g. {@code yellow_tripdata_2014-01.csv}. */
  String fileName();
}
