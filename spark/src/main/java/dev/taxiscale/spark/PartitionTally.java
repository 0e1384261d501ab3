package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Trip;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Passes one partition's kept trips on to the COPY while counting blanks and rejections and keeping
 * the first rejected lines per reason, so a single pass over the partition both loads it and yields
 * its exact {@link PartitionSummary}.
 */
final class PartitionTally implements Iterator<Trip> {
  private final Iterator<LineResult> results;
  private final int samplesPerReason;
  private final Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
  private final List<LineResult> samples = new ArrayList<>();
  private long blanks;
  private long kept;
  private Trip next;

  PartitionTally(Iterator<LineResult> results, int samplesPerReason) {
    this.results = results;
    this.samplesPerReason = samplesPerReason;
  }

  @Override
  public boolean hasNext() {
    while (next == null && results.hasNext()) {
      count(results.next());
    }
    return next != null;
  }

  @Override
  public Trip next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Trip trip = next;
    next = null;
    return trip;
  }

  /** The counts once the partition is consumed; {@code written} is what the database stored. */
  PartitionSummary summary(int partition, long written) {
    while (hasNext()) {
      next();
    }
    return new PartitionSummary(partition, blanks, kept, rejects, samples, written);
  }

  private void count(LineResult result) {
    if (result.isBlank()) {
      blanks++;
    } else if (result.outcome() instanceof Outcome.Kept keptTrip) {
      kept++;
      next = keptTrip.trip();
    } else if (result.outcome() instanceof Outcome.Rejected rejected
        && rejects.merge(rejected.reason(), 1L, Long::sum) <= samplesPerReason) {
      samples.add(result);
    }
  }
}
