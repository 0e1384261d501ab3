package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the partitions' samples into the file's first {@code perReason} rejected lines per reason
 * in line order, as the local engine keeps them, however the file was split.
 */
final class RejectSampleMerge {
  private RejectSampleMerge() {}

  static List<LineResult> merge(List<PartitionSummary> summaries, int perReason) {
    List<LineResult> all = new ArrayList<>();
    summaries.forEach(summary -> all.addAll(summary.samples()));
    all.sort(Comparator.comparingLong(LineResult::lineNumber));
    Map<Reason, Integer> taken = new EnumMap<>(Reason.class);
    List<LineResult> first = new ArrayList<>();
    for (LineResult result : all) {
      Reason reason = ((Outcome.Rejected) result.outcome()).reason();
      if (taken.merge(reason, 1, Integer::sum) <= perReason) {
        first.add(result);
      }
    }
    return first;
  }
}
