package dev.taxiscale.store.query;

import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.QueryRefusedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGStatement;

/**
 * Estimates how many rows a query would touch from the planner's statistics (an EXPLAIN, well under
 * a millisecond) and refuses a heatmap before it runs. Fare samples bound their own reads instead
 * ({@link FareEstimateQuery}), which saves them the EXPLAIN.
 */
final class CostGuard {

  private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

  /**
   * More trips than any square kilometer of NYC sees in an hour, all sources together, with a wide
   * margin: the whole city peaks at a few tens of thousands of trips an hour, and its densest
   * square kilometers in Midtown at a few thousand.
   */
  static final double MAX_TRIPS_PER_KM2_HOUR = 20_000;

  private final QueryLimits limits;

  CostGuard(QueryLimits limits) {
    this.limits = limits;
  }

  /**
   * Refuses a heatmap whose parts would read more index entries than the limit: trips where it
   * reads trips, hourly sums where it reads those. A box and window too small to hold that many
   * trips anywhere in the city is let through without the estimate, which costs about as much as
   * such a heatmap itself.
   */
  void heatmap(Connection connection, HeatmapRequest request, HeatmapPlan plan)
      throws SQLException {
    if (mostTrips(request) <= limits.maxHeatmapRows()) {
      return;
    }
    long rows = estimate(connection, plan.explainScans());
    if (rows > limits.maxHeatmapRows()) {
      throw new QueryRefusedException(
          "window", rows, limits.maxHeatmapRows(), "shorten the window or shrink the box");
    }
  }

  /** The most trips the request's box and window could hold at the city's densest. */
  static double mostTrips(HeatmapRequest request) {
    double km2 = request.box().widthMeters() * request.box().heightMeters() / 1e6;
    double hours = request.window().length().toSeconds() / 3600.0;
    return km2 * hours * MAX_TRIPS_PER_KM2_HOUR;
  }

  /** The planner's row estimate for the top of an EXPLAIN statement. */
  static long estimate(Connection connection, Sql explain) throws SQLException {
    try (PreparedStatement statement = explain.prepare(connection)) {
      // never server-prepare: a generic plan would estimate without the actual values
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        Matcher rows = PLAN_ROWS.matcher(rs.getString(1));
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
      }
    }
  }
}
