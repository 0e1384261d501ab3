package dev.taxiscale.core.query;

/**
 * A request was rejected at the edge; {@link #field()} names the offending field as a JSON path
 * (for example {@code at.lat} or {@code sources[1]}) and the message says what is allowed.
 */
public class ValidationException extends IllegalArgumentException {

  private final String field;

  public ValidationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The JSON path of the field that was wrong, or {@code body} when the JSON itself was bad. */
  public String field() {
    return field;
  }

  /** The message without the field prefix, for problem bodies that carry the field separately. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }

  /** The same error seen from an enclosing object, e.g. {@code lat} inside {@code at}. */
  public ValidationException under(String parent) {
    if (parent == null || parent.isEmpty()) {
      return this;
    }
    String path;
    if (field.isEmpty() || parent.equals(field) || parent.endsWith("." + field)) {
      // a scalar such as a cursor or a source code: the parent path already points at it
      path = parent;
    } else if (field.startsWith("[")) {
      path = parent + field;
    } else {
      path = parent + "." + field;
    }
    if (path.equals(field)) {
      return this;
    }
    ValidationException nested = new ValidationException(path, reason());
    nested.setStackTrace(getStackTrace());
    return nested;
  }
}
