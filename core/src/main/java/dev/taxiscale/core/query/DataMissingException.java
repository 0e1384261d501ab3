package dev.taxiscale.core.query;

/**
 * A valid request that needs data nobody has loaded yet (e.g. the taxi zones); the message says
 * which command loads it. Answered with 409, apart from a 400's bad input.
 */
public final class DataMissingException extends ValidationException {
  public DataMissingException(String field, String message) {
    super(field, message);
  }
}
