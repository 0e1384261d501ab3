package dev.taxiscale.bench.overload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The steps of one run and the verdict: the goodput at the most connections as a share of the run's
 * peak, which must be at least {@value #MIN_SHARE_OF_PEAK}, and no admitted request left
 * unanswered.
 */
record OverloadReport(List<OverloadStep> steps) {
  static final double MIN_SHARE_OF_PEAK = 0.8;

  OverloadReport {
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one step");
    }
    steps = List.copyOf(steps);
  }

  /** The highest goodput of any step. */
  double peak() {
    return steps.stream().mapToDouble(OverloadStep::goodput).max().orElse(0);
  }

  /** The step with the most connections. */
  OverloadStep heaviest() {
    return steps.stream().max(Comparator.comparingInt(OverloadStep::connections)).orElseThrow();
  }

  /** The heaviest step's goodput over the peak; 0 when nothing was answered at all. */
  double shareOfPeak() {
    double peak = peak();
    return peak == 0 ? 0 : heaviest().goodput() / peak;
  }

  /** Whether the goodput held and every admitted request was answered. */
  boolean passed() {
    return shareOfPeak() >= MIN_SHARE_OF_PEAK
        && steps.stream().allMatch(s -> s.admittedUnanswered() == 0);
  }

  /** Every step's line, then the ratio and the verdict. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    steps.forEach(s -> lines.add(s.line()));
    OverloadStep heaviest = heaviest();
    lines.add(
        String.format(
            Locale.ROOT,
            "goodput at %,d connections: %,.0f/s = %.2f x the peak %,.0f/s (goal >= %.1f)",
            heaviest.connections(),
            heaviest.goodput(),
            shareOfPeak(),
            peak(),
            MIN_SHARE_OF_PEAK));
    long unanswered = steps.stream().mapToLong(OverloadStep::admittedUnanswered).sum();
    lines.add("admitted requests not answered (504 or hung): " + unanswered + " (goal 0)");
    lines.add(passed() ? "PASS" : "FAIL");
    return lines;
  }
}
