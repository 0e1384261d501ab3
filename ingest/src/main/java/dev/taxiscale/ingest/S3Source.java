package dev.taxiscale.ingest;

import dev.taxiscale.s3.S3ObjectInfo;
import dev.taxiscale.s3.S3Objects;
import java.io.InputStream;

/** An object in S3 streamed in place, never downloaded whole; its ETag names its bytes. */
record S3Source(S3Objects objects, S3ObjectInfo object) implements StoredBytes {
  @Override
  public long size() {
    return object.size();
  }

  @Override
  public InputStream open() {
    return objects.open(object);
  }

  @Override
  public String fingerprint() {
    return object.fingerprint();
  }

  @Override
  public String fileName() {
    return object.location().fileName();
  }
}
