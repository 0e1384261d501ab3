package dev.taxiscale.store.query;

import java.time.Duration;

/**
 * The cost guard's thresholds: how many rows a query may touch before it is narrowed or refused.
 *
 * @param maxWindowRows ride searches and heatmaps whose time window holds more trips than this (by
 *     the planner's estimate) are refused
 * @param exactCountRows above this many trips in the window a ride search counts only up to {@code
 *     countCap} and says the total is not exact
 * @param countCap the most a capped count goes to
 * @param maxFareRows fare estimates whose candidate trips exceed this get a smaller radius
 * @param statementTimeout the server cancels a statement after this long
 */
public record QueryLimits(
    long maxWindowRows,
    long exactCountRows,
    long countCap,
    long maxFareRows,
    Duration statementTimeout) {

  public QueryLimits {
    if (maxWindowRows < 1 || exactCountRows < 1 || countCap < 1 || maxFareRows < 1) {
      throw new IllegalArgumentException("row limits must be positive");
    }
    if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive");
    }
  }

  /** Sized so that a guarded query stays under about half a second on two cores. */
  public static QueryLimits defaults() {
    return new QueryLimits(3_000_000, 500_000, 100_000, 200_000, Duration.ofSeconds(10));
  }
}
