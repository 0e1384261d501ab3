package dev.taxiscale.lambda;

/**
 * A raw object that cannot be cleaned however often it is tried (not a trip CSV, gone, not readable
 * with the function's role), so it is reported and not retried.
 */
final class BadObjectException extends Exception {
  BadObjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
