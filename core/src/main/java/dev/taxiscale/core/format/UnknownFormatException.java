package dev.taxiscale.core.format;

/** A header line that matches none of the known {@link TripFormat}s. */
public final class UnknownFormatException extends Exception {
  public UnknownFormatException(String message) {
    super(message);
  }
}
