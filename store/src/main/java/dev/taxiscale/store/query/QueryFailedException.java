package dev.taxiscale.store.query;

/**
 * A query reached the database but failed there (a timeout, a server error); distinct from {@link
 * dev.taxiscale.store.DatabaseUnavailableException}, which means it could not be reached at all.
 */
public final class QueryFailedException extends RuntimeException {
  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
