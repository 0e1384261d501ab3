package dev.taxiscale.store.query;

import java.time.Duration;

/**
 * The cost guard's thresholds: how many rows a query may touch before it is narrowed or refused.
 *
 * @param maxHeatmapRows heatmaps whose box and window hold more trips than this (by the planner's
 *     estimate) are refused
 * @param countCap a ride search counts matches up to this many and then reports the total as "at
 *     least"; the cell index reads little besides matches, so this bounds the count's cost
 * @param maxFareRows a fare sample reads at most this many candidate trips; one that would read
 *     more is tried again with a smaller radius
 * @param statementTimeout the server cancels a statement after this long
 */
public record QueryLimits(
    long maxHeatmapRows, long countCap, long maxFareRows, Duration statementTimeout) {

  public QueryLimits {
    if (maxHeatmapRows < 1 || countCap < 1 || maxFareRows < 1) {
      throw new IllegalArgumentException("row limits must be positive");
    }
    if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive");
    }
  }

  /** Sized so that a guarded query stays under about a quarter of a second on two cores. */
  public static QueryLimits defaults() {
    return new QueryLimits(1_000_000, 100_000, 200_000, Duration.ofSeconds(10));
  }
}
