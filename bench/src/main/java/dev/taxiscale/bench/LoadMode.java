package dev.taxiscale.bench;

import java.util.Locale;

/**
 * How requests are sent: one client after another, C closed-loop clients, or an open loop at a
 * fixed arrival rate whose latency counts from the intended send time, so a stall is not hidden by
 * the requests it delayed (coordinated omission).
 *
 * @param clients callers at once (for the open loop: the most requests in flight)
 * @param perSecond the open loop's arrival rate, 0 for the closed loops
 */
public record LoadMode(Kind kind, int clients, double perSecond) {

  /** The three shapes of load. */
  public enum Kind {
    SEQUENTIAL,
    CONCURRENT,
    OPEN
  }

  public LoadMode {
    if (clients < 1 || clients > 256) {
      throw new IllegalArgumentException("clients must be in [1, 256], got " + clients);
    }
    if (kind == Kind.OPEN && !(perSecond > 0)) {
      throw new IllegalArgumentException("an open loop needs a rate above 0, got " + perSecond);
    }
  }

  public static LoadMode sequential() {
    return new LoadMode(Kind.SEQUENTIAL, 1, 0);
  }

  public static LoadMode concurrent(int clients) {
    return new LoadMode(Kind.CONCURRENT, clients, 0);
  }

  public static LoadMode open(double perSecond, int maxInFlight) {
    return new LoadMode(Kind.OPEN, maxInFlight, perSecond);
  }

  /** {@code sequential}, {@code concurrent-4} or {@code open-200/s}. */
  public String label() {
    return switch (kind) {
      case SEQUENTIAL -> "sequential";
      case CONCURRENT -> "concurrent-" + clients;
      case OPEN -> String.format(Locale.ROOT, "open-%.0f/s", perSecond);
    };
  }
}
