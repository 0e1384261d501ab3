package dev.taxiscale.bench.chaos;

import java.util.Locale;
import java.util.Map;

/**
 * The figures of one fault.
 *
 * @param name what was done, e.g. {@code kill -9 worker-1, restart}
 * @param sent requests sent while it ran
 * @param byStatus answers by HTTP status
 * @param duplicates replies beyond the first for one correlation id on the reply topics
 * @param recoverySeconds from the fault until requests were answered 200 again; 0 when none failed
 */
record ChaosPhase(
    String name, long sent, Map<Integer, Long> byStatus, long duplicates, double recoverySeconds) {
  ChaosPhase {
    byStatus = Map.copyOf(byStatus);
  }

  /** Requests answered with any status. */
  long answered() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Requests sent and never answered: a timeout on the client side or a dropped connection. */
  long lost() {
    return sent - answered();
  }

  /** Answers whose status lies in {@code [from, to]}. */
  long between(int from, int to) {
    return byStatus.entrySet().stream()
        .filter(e -> e.getKey() >= from && e.getKey() <= to)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** One row of the report's table. */
  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %.1f |",
        name,
        sent,
        between(200, 299),
        between(400, 499),
        between(503, 503),
        between(504, 504),
        answered() - between(200, 299) - between(400, 499) - between(503, 504),
        lost(),
        duplicates,
        recoverySeconds);
  }

  static final String HEADER =
      "| fault | sent | 2xx | 4xx | 503 | 504 | other | lost | duplicates | recovery s |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
}
