package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.FileCounts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One parser thread's counts for one file; merged into {@link FileCounts} at the end. */
final class Tally {
  long kept;
  long blank;
  final long[] rejects = new long[Reason.values().length];
  final RejectSamples samples;

  Tally(int samplesPerReason) {
    samples = new RejectSamples(samplesPerReason);
  }

  /** Data rows counted so far, kept or rejected, for progress. */
  long rows() {
    long rows = kept;
    for (long n : rejects) {
      rows += n;
    }
    return rows;
  }

  /**
   * Counts one row's outcome, sampling a rejected row with its raw text.
   *
   * @return the kept trip, or null when the row was rejected
   */
  Trip count(Outcome outcome, long row, Supplier<String> raw) {
    if (outcome instanceof Outcome.Kept k) {
      kept++;
      return k.trip();
    }
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    rejects[rejected.reason().ordinal()]++;
    // a Parquet record's raw text is built from its values: only for the rows sampled
    if (samples.wants(rejected.reason())) {
      samples.offer(row, rejected.reason(), rejected.detail(), raw.get());
    }
    return null;
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
