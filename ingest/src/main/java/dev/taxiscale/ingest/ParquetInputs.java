package dev.taxiscale.ingest;

import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Where parquet-java reads an input's bytes: a local file through {@link LocalInputFile}, an object
 * in S3 through ranged GETs pinned to its ETag ({@link S3SeekableStream}). Parquet needs random
 * access (the footer is at the end, column chunks are found by offset), which every input gets
 * here, so checks and readers alike work wherever the bytes are.
 */
final class ParquetInputs {
  private ParquetInputs() {}

  /** Random access to {@code file}'s stored bytes; each stream opened reads on its own. */
  static org.apache.parquet.io.InputFile of(InputFile file) {
    if (file.stored() instanceof LocalBytes local) {
      return new LocalInputFile(local.path());
    }
    if (file.stored() instanceof S3Source object) {
      return new S3Object(object);
    }
    throw new IllegalStateException(file.name() + ": no random access to its bytes");
  }

  /** An object in S3, as the listing found it. */
  private record S3Object(S3Source source) implements org.apache.parquet.io.InputFile {
    @Override
    public long getLength() {
      return source.size();
    }

    @Override
    public SeekableInputStream newStream() {
      return new S3SeekableStream(source.objects(), source.object());
    }
  }
}
