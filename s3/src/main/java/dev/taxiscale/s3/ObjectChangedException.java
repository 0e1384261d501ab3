package dev.taxiscale.s3;

import java.io.IOException;

/** The object was replaced while it was read: its ETag no longer matches the one listed. */
public final class ObjectChangedException extends IOException {
  ObjectChangedException(Throwable cause) {
    super("the object changed while it was read (its ETag no longer matches)", cause);
  }
}
