package dev.taxiscale.store;

import dev.taxiscale.core.clean.Reason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What loading one file produced: every input row was either kept or rejected for one reason.
 *
 * @param rejectsByReason rejected rows per reason; reasons with no rows may be absent
 */
public record FileCounts(long rowsIn, long kept, long rejected, Map<Reason, Long> rejectsByReason) {

  public static final FileCounts NONE = new FileCounts(0, 0, 0, Map.of());

  public FileCounts {
    if (rowsIn < 0 || kept < 0 || rejected < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got rowsIn=" + rowsIn + " kept=" + kept + " rejected=" + rejected);
    }
    if (rowsIn != kept + rejected) {
      throw new IllegalArgumentException(
          "rowsIn must equal kept + rejected, got " + rowsIn + " != " + kept + " + " + rejected);
    }
    long byReason = rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    if (byReason != rejected) {
      throw new IllegalArgumentException(
          "rejects by reason must sum to rejected, got " + byReason + " != " + rejected);
    }
    EnumMap<Reason, Long> copy = new EnumMap<>(Reason.class);
    copy.putAll(rejectsByReason);
    rejectsByReason = Collections.unmodifiableMap(copy);
  }

  /** Counts from kept rows and per-reason rejects; rowsIn and rejected are derived. */
  public static FileCounts of(long kept, Map<Reason, Long> rejectsByReason) {
    long rejected = rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    return new FileCounts(kept + rejected, kept, rejected, rejectsByReason);
  }

  /** The sum of two counts, e.g. for totals over files. */
  public FileCounts plus(FileCounts other) {
    EnumMap<Reason, Long> merged = new EnumMap<>(Reason.class);
    merged.putAll(rejectsByReason);
    other.rejectsByReason.forEach((reason, n) -> merged.merge(reason, n, Long::sum));
    return new FileCounts(
        rowsIn + other.rowsIn, kept + other.kept, rejected + other.rejected, merged);
  }

  /** The reject counts as a JSON object keyed by reason code, e.g. {"zero_coordinates":3}. */
  String rejectsJson() {
    StringBuilder json = new StringBuilder("{");
    rejectsByReason.forEach(
        (reason, n) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"').append(reason.code()).append("\":").append(n);
        });
    return json.append('}').toString();
  }
}
