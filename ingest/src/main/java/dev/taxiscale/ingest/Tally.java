package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.store.FileCounts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One parser thread's counts for one file; merged into {@link FileCounts} at the end. */
final class Tally {
  long kept;
  long blank;
  final long[] rejects = new long[Reason.values().length];
  final RejectSamples samples;

  Tally(int samplesPerReason) {
    samples = new RejectSamples(samplesPerReason);
  }

  static FileCounts counts(List<Tally> tallies) {
    long kept = 0;
    Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
    for (Tally tally : tallies) {
      kept += tally.kept;
      for (Reason reason : Reason.values()) {
        long n = tally.rejects[reason.ordinal()];
        if (n > 0) {
          rejects.merge(reason, n, Long::sum);
        }
      }
    }
    return FileCounts.of(kept, rejects);
  }

  static long blank(List<Tally> tallies) {
    return tallies.stream().mapToLong(t -> t.blank).sum();
  }
}
