package dev.taxiscale.core.query;

/**
 * A valid request the cost guard will not run because it would touch too many rows; the message
 * gives the estimate, the limit and which field to narrow.
 */
public final class QueryRefusedException extends ValidationException {

  private final long estimatedRows;
  private final long maxRows;

  public QueryRefusedException(String field, long estimatedRows, long maxRows, String advice) {
    super(
        field,
        "would read about " + estimatedRows + " trips, at most " + maxRows + " allowed: " + advice);
    this.estimatedRows = estimatedRows;
    this.maxRows = maxRows;
  }

  public long estimatedRows() {
    return estimatedRows;
  }

  public long maxRows() {
    return maxRows;
  }
}
