package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Exact counts for one partition of line results, collected on the driver.
 *
 * <p>Counting in a job's result rather than in accumulators keeps the figures exact when Spark
 * retries a task: the driver takes each partition's result once.
 *
 * @param partition the partition index
 * @param firstLine the smallest physical line number seen, or 0 when the partition is empty
 * @param lastLine the largest physical line number seen, or 0 when the partition is empty
 */
record PartitionSummary(
    int partition, long firstLine, long lastLine, long blanks, long kept, Map<Reason, Long> rejects)
    implements Serializable {

  PartitionSummary {
    rejects = Collections.unmodifiableMap(copyOf(rejects));
  }

  /** Counts one partition's results in a single pass. */
  static PartitionSummary of(int partition, Iterator<LineResult> results) {
    long first = 0;
    long last = 0;
    long blanks = 0;
    long kept = 0;
    Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
    while (results.hasNext()) {
      LineResult result = results.next();
      first = first == 0 ? result.lineNumber() : Math.min(first, result.lineNumber());
      last = Math.max(last, result.lineNumber());
      if (result.isBlank()) {
        blanks++;
      } else if (result.outcome() instanceof Outcome.Rejected rejected) {
        rejects.merge(rejected.reason(), 1L, Long::sum);
      } else {
        kept++;
      }
    }
    return new PartitionSummary(partition, first, last, blanks, kept, rejects);
  }

  boolean isEmpty() {
    return lastLine == 0;
  }

  long rejected() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<Reason, Long> copyOf(Map<Reason, Long> counts) {
    Map<Reason, Long> copy = new EnumMap<>(Reason.class);
    copy.putAll(counts);
    return copy;
  }
}
