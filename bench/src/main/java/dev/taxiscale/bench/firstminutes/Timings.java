package dev.taxiscale.bench.firstminutes;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one stage in milliseconds, in the order they were sent. */
record Timings(String stage, double[] millis) {

  Timings {
    millis = millis.clone();
  }

  double firstMillis() {
    return millis[0];
  }

  double p50() {
    return percentile(0.5);
  }

  /** Nearest rank, so that every figure is one a request really took. */
  double percentile(double p) {
    if (millis.length == 0) {
      return Double.NaN;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %d requests, p50 %.2f ms, p90 %.2f ms, max %.2f ms",
        stage,
        millis.length,
        p50(),
        percentile(0.9),
        percentile(1));
  }
}
