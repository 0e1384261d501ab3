package dev.taxiscale.core.query;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into {@link ValidationException}s that name the JSON field. */
final class JsonErrors {

  private static final String TYPES = QueryType.listed(", ");
  private static final Pattern MISSING =
      Pattern.compile("Missing required creator property '([^']+)'");

  private JsonErrors() {}

  static ValidationException toValidation(JacksonException e) {
    String path = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
    ValidationException fromRecord = findCause(e);
    if (fromRecord != null) {
      return fromRecord.under(path);
    }
    if (e instanceof InvalidTypeIdException typeId) {
      String got = typeId.getTypeId();
      return new ValidationException(
          path.isEmpty() ? "type" : path + ".type",
          got == null
              ? "is required, one of: " + TYPES
              : "unknown '" + got + "', allowed: " + TYPES);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new ValidationException(
          path,
          "is not a known field; known: "
              + unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    if (e instanceof MismatchedInputException mismatch) {
      return mismatched(path, mismatch);
    }
    if (e instanceof JsonParseException parse) {
      return new ValidationException("body", "is not valid JSON: " + parse.getOriginalMessage());
    }
    String original = e instanceof DatabindException d ? d.getOriginalMessage() : e.getMessage();
    return new ValidationException(path.isEmpty() ? "body" : path, original);
  }

  private static ValidationException mismatched(String path, MismatchedInputException e) {
    Matcher missing = MISSING.matcher(e.getOriginalMessage());
    if (missing.find()) {
      // the path may or may not already end at the missing property, depending on nesting
      return new ValidationException(missing.group(1), "is required").under(path);
    }
    if (path.isEmpty()) {
      return new ValidationException("body", "must be one JSON object with a type field");
    }
    Class<?> target = e.getTargetType();
    return new ValidationException(path, "must be " + describe(target));
  }

  private static String describe(Class<?> target) {
    if (target == null) {
      return "a value of the documented type";
    }
    if (target == double.class || target == Double.class) {
      return "a number";
    }
    if (target == int.class || target == Integer.class || target == long.class) {
      return "an integer";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "true or false";
    }
    if (Temporal.class.isAssignableFrom(target)) {
      return "a local date-time such as 2015-01-15T08:30:00";
    }
    if (target == String.class || target == PageCursor.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(target)) {
      return "an array";
    }
    return "an object";
  }

  private static ValidationException findCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return v;
      }
    }
    return null;
  }

  static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
