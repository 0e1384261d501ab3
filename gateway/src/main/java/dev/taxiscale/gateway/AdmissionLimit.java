package dev.taxiscale.gateway;

import java.time.Duration;

/**
 * How many requests may be in flight, learnt from how long admitted requests take: a fixed bound is
 * either too low for a fast machine or, on a slow or busy one, admits more than can be answered
 * before the timeout, and then every admitted request times out together. Each window the limit is
 * scaled by the target latency over the window's mean latency (at most halved, at most 1.5 times
 * up), so that, by Little's law, admitted requests wait about the target; it grows only while
 * requests actually press against it.
 */
final class AdmissionLimit {
  private static final double MAX_DOWN = 0.5;
  private static final double MAX_UP = 1.5;

  private final int min;
  private final int max;
  private final long targetNanos;
  private final long windowNanos;
  private double limit;
  private long windowStart;
  private long latencySum;
  private int completions;
  private int busiest;

  /**
   * @param min the floor, so that a few requests always get through to measure the system
   * @param max the ceiling, the configured in-flight bound
   * @param initial the limit before anything was measured
   * @param target the mean time an admitted request should take
   * @param window how often the limit is revised
   */
  AdmissionLimit(int min, int max, int initial, Duration target, Duration window, long now) {
    if (min < 1 || max < min || initial < min || initial > max) {
      throw new IllegalArgumentException(
          "need 1 <= min <= initial <= max, got " + min + ", " + initial + ", " + max);
    }
    this.min = min;
    this.max = max;
    this.limit = initial;
    this.targetNanos = target.toNanos();
    this.windowNanos = window.toNanos();
    this.windowStart = now;
  }

  /** The limit now. */
  synchronized int limit() {
    return (int) limit;
  }

  /** Notes that a request was admitted with {@code inFlight} in flight, itself included. */
  synchronized void admitted(int inFlight) {
    busiest = Math.max(busiest, inFlight);
  }

  /** Notes a request answered after {@code latencyNanos}, and revises the limit once a window. */
  synchronized void completed(long latencyNanos, long now) {
    latencySum += latencyNanos;
    completions++;
    if (now - windowStart < windowNanos) {
      return;
    }
    double mean = (double) latencySum / completions;
    double factor = Math.max(MAX_DOWN, Math.min(MAX_UP, targetNanos / Math.max(mean, 1)));
    // a limit nobody pressed against says nothing about whether more would be answered in time
    if (factor < 1 || busiest >= limit / 2) {
      limit = Math.max(min, Math.min(max, limit * factor));
    }
    windowStart = now;
    latencySum = 0;
    completions = 0;
    busiest = 0;
  }
}
