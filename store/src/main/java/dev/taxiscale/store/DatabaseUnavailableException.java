package dev.taxiscale.store;

/** PostgreSQL cannot be reached or refused the connection; the message is one line. */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
