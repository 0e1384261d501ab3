package dev.taxiscale.lambda;

import dev.taxiscale.core.clean.Reason;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the function made of one raw object; stored as JSON beside the clean rows so loads can be
 * reconciled with it.
 *
 * @param rowsIn data rows read (blank lines are not rows)
 */
record CleanSummary(
    String source, String etag, String clean, long rowsIn, long kept, Map<Reason, Long> rejects) {

  CleanSummary {
    rejects = new EnumMap<>(rejects.isEmpty() ? Map.<Reason, Long>of() : rejects);
    long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
    if (rowsIn != kept + rejected) {
      throw new IllegalArgumentException(
          "rowsIn must equal kept + rejected, got " + rowsIn + " != " + kept + " + " + rejected);
    }
  }

  long rejected() {
    return rowsIn - kept;
  }

  /** e.g. {@code {"source":"s3://b/raw/y.csv","etag":"..","rows_in":5,...,"rejects":{..}}}. */
  String toJson() {
    String reasons =
        rejects.entrySet().stream()
            .map(e -> "\"" + e.getKey().code() + "\":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
    return "{\"source\":"
        + quoted(source)
        + ",\"etag\":"
        + quoted(etag)
        + ",\"clean\":"
        + quoted(clean)
        + ",\"rows_in\":"
        + rowsIn
        + ",\"kept\":"
        + kept
        + ",\"rejected\":"
        + rejected()
        + ",\"rejects\":"
        + reasons
        + "}";
  }

  /** One line for the function's log and result. */
  String describe() {
    return source
        + ": "
        + rowsIn
        + " rows, "
        + kept
        + " kept, "
        + rejected()
        + " rejected -> "
        + clean;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
