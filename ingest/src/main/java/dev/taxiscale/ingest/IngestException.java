package dev.taxiscale.ingest;

/** An input or database failure during ingest, with a one-line message that names the file. */
public final class IngestException extends Exception {
  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
