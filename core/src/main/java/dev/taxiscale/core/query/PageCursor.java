package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of a ride search starts: after the trip with this pickup time and id, the
 * sort key of the search. On the wire it is an opaque URL-safe string.
 */
public record PageCursor(LocalDateTime pickupAt, long id) {

  public PageCursor {
    Check.required("cursor", pickupAt);
  }

  /** The opaque form clients pass back as {@code cursor}. */
  @JsonValue
  public String encode() {
    byte[] plain = (pickupAt + "|" + id).getBytes(StandardCharsets.US_ASCII);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain);
  }

  /** Reads the opaque form; anything not produced by {@link #encode()} is a validation error. */
  @JsonCreator
  public static PageCursor decode(String encoded) {
    if (encoded == null) {
      throw new ValidationException("cursor", "must be a string returned by a previous page");
    }
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.US_ASCII);
      int bar = plain.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("no separator");
      }
      LocalDateTime pickupAt = LocalDateTime.parse(plain.substring(0, bar));
      return new PageCursor(pickupAt, Long.parseLong(plain.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ValidationException(
          "cursor", "is not a cursor returned by a previous page (" + e.getMessage() + ")");
    }
  }
}
