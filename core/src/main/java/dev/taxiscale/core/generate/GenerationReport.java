package dev.taxiscale.core.generate;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a generator run wrote: how many data rows, and how many were made dirty for each reason,
 * which is exactly what parsing the file back must reject.
 */
public record GenerationReport(TripFormat format, long rows, Map<Reason, Long> dirtyByReason) {

  public GenerationReport {
    Map<Reason, Long> copy = new EnumMap<>(Reason.class);
    copy.putAll(dirtyByReason);
    dirtyByReason = Collections.unmodifiableMap(copy);
  }

  /** Rows that break one rule each. */
  public long dirty() {
    return dirtyByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rows that pass every rule. */
  public long clean() {
    return rows - dirty();
  }
}
