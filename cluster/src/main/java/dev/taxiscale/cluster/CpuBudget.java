package dev.taxiscale.cluster;

import java.util.Locale;

/**
 * A node's share of the machine's CPU, as a pod's {@code resources.limits.cpu}: 0.25 is a quarter
 * of one core, enforced by the kernel's CFS quota over each 100 ms period.
 *
 * @param cpus cores, above 0 and at most the machine's
 */
public record CpuBudget(double cpus) {
  /** The CFS period Kubernetes uses: quotas are granted per 100 ms. */
  public static final long PERIOD_MICROS = 100_000;

  /** The kernel refuses quotas under 1 ms per period. */
  private static final double LEAST = 0.01;

  public CpuBudget {
    int machine = Runtime.getRuntime().availableProcessors();
    if (!(cpus >= LEAST) || cpus > machine) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "node CPU must be in [%.2f, %d] (this machine has %d cores), got %s",
              LEAST,
              machine,
              machine,
              cpus));
    }
  }

  /** Parses a command-line value such as {@code 0.25}, with a one-line message when it is not. */
  public static CpuBudget parse(String text) {
    try {
      return new CpuBudget(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "node CPU must be a number of cores such as 0.25, got '" + text + "'");
    }
  }

  /** The quota per {@link #PERIOD_MICROS} in microseconds. */
  public long quotaMicros() {
    return Math.round(cpus * PERIOD_MICROS);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f CPU", cpus);
  }
}
