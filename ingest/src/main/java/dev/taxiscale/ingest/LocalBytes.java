package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on local disk (the download cache, for URLs). */
record LocalBytes(Path path, long size) implements StoredBytes {
  static LocalBytes of(Path path) throws IOException {
    return new LocalBytes(path, Files.size(path));
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public String fingerprint() throws IOException {
    return Fingerprint.of(path);
  }

  @Override
  public String fileName() {
    return path.getFileName().toString();
  }
}
