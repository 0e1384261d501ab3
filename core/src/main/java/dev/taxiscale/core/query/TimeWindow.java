package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A half-open interval {@code [from, to)} of NYC local wall-clock times, as the trip files carry
 * them.
 */
public record TimeWindow(LocalDateTime from, LocalDateTime to) {

  /** Earliest time accepted; the public trip records start in 2009. */
  public static final LocalDateTime EARLIEST = LocalDateTime.of(2009, 1, 1, 0, 0);

  /** Latest time accepted. */
  public static final LocalDateTime LATEST = LocalDateTime.of(2100, 1, 1, 0, 0);

  public TimeWindow {
    Check.required("from", from);
    Check.required("to", to);
    requireSupported("from", from);
    requireSupported("to", to);
    if (!from.isBefore(to)) {
      throw new ValidationException("to", "must be after from (" + from + "), got " + to);
    }
  }

  @JsonIgnore
  public Duration length() {
    return Duration.between(from, to);
  }

  /** Rejects windows longer than {@code max}, naming the request field. */
  TimeWindow requireAtMost(String field, Duration max) {
    if (length().compareTo(max) > 0) {
      throw new ValidationException(
          field, "window is " + human(length()) + ", at most " + human(max) + " allowed");
    }
    return this;
  }

  static LocalDateTime requireSupported(String field, LocalDateTime time) {
    if (time.isBefore(EARLIEST) || !time.isBefore(LATEST)) {
      throw new ValidationException(
          field, "must be in [" + EARLIEST + ", " + LATEST + "), got " + time);
    }
    return time;
  }

  private static String human(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes % (24 * 60) == 0) {
      long days = minutes / (24 * 60);
      return days == 1 ? "1 day" : days + " days";
    }
    if (minutes % 60 == 0) {
      return minutes / 60 + " h";
    }
    return minutes + " min";
  }
}
