package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Reason;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Exact counts for one partition, returned to the driver as the result of the task that loaded it.
 *
 * <p>Counting in task results rather than in accumulators keeps the figures exact when Spark
 * retries a task: the driver takes each partition's result once.
 *
 * @param samples the partition's first rejected lines per reason, in line order
 * @param written the rows the database stored for the partition
 */
record PartitionSummary(
    int partition,
    long blanks,
    long kept,
    Map<Reason, Long> rejects,
    List<LineResult> samples,
    long written)
    implements Serializable {

  PartitionSummary {
    Map<Reason, Long> copy = new EnumMap<>(Reason.class);
    copy.putAll(rejects);
    rejects = Collections.unmodifiableMap(copy);
    samples = List.copyOf(samples);
  }

  long rejected() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }
}
