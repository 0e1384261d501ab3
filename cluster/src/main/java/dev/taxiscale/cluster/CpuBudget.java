package dev.taxiscale.cluster;

import java.util.Locale;

/**
 * A node's share of the machine's CPU, as a pod's {@code resources.limits.cpu}: 0.25 is a quarter
 * of one core, enforced by the kernel's CFS quota over each period (100 ms unless said otherwise).
 *
 * <p>Within a period a node runs at full speed until its quota is spent, then waits for the next.
 * Over 100 ms a quarter core is a 25 ms burst on whatever core is free, so nodes bursting at once
 * share the machine's cores; over the shortest period the kernel allows (a 1 ms quota) it is a
 * steady quarter of a core, a slower CPU that other nodes cannot take from.
 *
 * @param cpus cores, above 0 and at most the machine's
 * @param periodMicros the CFS period, from 1 ms to 1 s, long enough for a quota of at least 1 ms
 */
public record CpuBudget(double cpus, long periodMicros) {
  /** The CFS period Kubernetes uses: quotas are granted per 100 ms. */
  public static final long PERIOD_MICROS = 100_000;

  /** The kernel refuses quotas and periods under 1 ms, and periods over 1 s. */
  private static final long LEAST_MICROS = 1_000;

  private static final long MOST_PERIOD_MICROS = 1_000_000;

  private static final double LEAST = (double) LEAST_MICROS / PERIOD_MICROS;

  /** A budget over Kubernetes' 100 ms period. */
  public CpuBudget(double cpus) {
    this(cpus, PERIOD_MICROS);
  }

  public CpuBudget {
    requireShare(cpus, "node CPU");
    if (periodMicros < LEAST_MICROS
        || periodMicros > MOST_PERIOD_MICROS
        || Math.round(cpus * periodMicros) < LEAST_MICROS) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a CFS period must be from 1 ms to 1 s and give %.2f CPU a quota of at least 1 ms,"
                  + " got %d us",
              cpus,
              periodMicros));
    }
  }

  /**
   * The same share over the shortest period the kernel allows it (its quota 1 ms): the node runs
   * steadily at its share instead of in bursts.
   */
  public CpuBudget steady() {
    // the epsilon keeps an exact quotient (1,000 / 0.25) from rounding up to the next microsecond
    return new CpuBudget(
        cpus, Math.max(LEAST_MICROS, (long) Math.ceil(LEAST_MICROS / cpus - 1e-9)));
  }

  /** Parses a command-line value such as {@code 0.25}, with a one-line message when it is not. */
  public static CpuBudget parse(String text) {
    return parse(text, "node CPU");
  }

  /** As {@link #parse(String)}, naming what the budget is for ({@code "loader CPU"}) in errors. */
  public static CpuBudget parse(String text, String what) {
    double cpus;
    try {
      cpus = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          what + " must be a number of cores such as 0.25, got '" + text + "'");
    }
    requireShare(cpus, what);
    return new CpuBudget(cpus);
  }

  private static void requireShare(double cpus, String what) {
    int machine = Runtime.getRuntime().availableProcessors();
    if (!(cpus >= LEAST) || cpus > machine) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must be in [%.2f, %d] (this machine has %d cores), got %s",
              what,
              LEAST,
              machine,
              machine,
              cpus));
    }
  }

  /** The quota per {@link #periodMicros} in microseconds. */
  public long quotaMicros() {
    return Math.round(cpus * periodMicros);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f CPU", cpus);
  }
}
