package dev.taxiscale.bench;

import java.util.List;

/**
 * The outcome of one run: what ran where, one summary per path and mode, and notes such as the
 * first error seen.
 */
public record BenchReport(
    Machine machine,
    DataBounds bounds,
    int requests,
    long seed,
    List<PathSummary> summaries,
    List<String> notes,
    double seconds) {

  public BenchReport {
    summaries = List.copyOf(summaries);
    notes = List.copyOf(notes);
  }

  /** Failed requests over all paths. */
  public long errors() {
    return summaries.stream().mapToLong(PathSummary::errors).sum();
  }
}
