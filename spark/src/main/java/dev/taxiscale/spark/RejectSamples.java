package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/**
 * The first {@code perReason} rejected lines of each reason in file order, as the local engine
 * keeps them: each partition sends at most that many per reason, the driver merges by line number.
 */
final class RejectSamples {
  private RejectSamples() {}

  static List<LineResult> collect(JavaRDD<LineResult> results, int perReason) {
    if (perReason == 0) {
      return List.of();
    }
    List<LineResult> candidates =
        results
            .mapPartitions(partition -> firstPerReason(partition, perReason).iterator())
            .collect();
    List<LineResult> inFileOrder = new ArrayList<>(candidates);
    inFileOrder.sort(Comparator.comparingLong(LineResult::lineNumber));
    return firstPerReason(inFileOrder.iterator(), perReason);
  }

  /** Keeps the first {@code perReason} rejections of each reason, in the iterator's order. */
  static List<LineResult> firstPerReason(Iterator<LineResult> results, int perReason) {
    Map<Reason, Integer> taken = new EnumMap<>(Reason.class);
    List<LineResult> kept = new ArrayList<>();
    while (results.hasNext()) {
      LineResult result = results.next();
      if (result.outcome() instanceof Outcome.Rejected rejected
          && taken.merge(rejected.reason(), 1, Integer::sum) <= perReason) {
        kept.add(result);
      }
    }
    return kept;
  }
}
