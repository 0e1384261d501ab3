package dev.taxiscale.bench;

/**
 * The original plan's metric: the same distinct requests offered open-loop at one rate, answered by
 * one node and by several.
 *
 * @param nodes nodes answering
 * @param ratePerSecond the offered rate
 * @param requests requests sent
 */
public record WithWithout(
    int nodes,
    double ratePerSecond,
    long requests,
    double meanMs,
    double p50Ms,
    double p99Ms,
    long errors) {
  static WithWithout of(int nodes, double rate, PathSummary s) {
    return new WithWithout(
        nodes,
        rate,
        s.count() + s.errors(),
        s.meanMicros() / 1e3,
        s.p50Micros() / 1e3,
        s.p99Micros() / 1e3,
        s.errors());
  }
}
