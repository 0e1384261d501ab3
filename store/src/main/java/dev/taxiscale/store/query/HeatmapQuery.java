package dev.taxiscale.store.query;

import dev.taxiscale.core.query.HeatCell;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heatmap: SQL sums trips per square and hour, from the hourly rollup where it can and from the
 * pickup cell index for the rest ({@link HeatmapPlan}); Java folds the squares into cells (see
 * {@link CellSystem}) and turns sums into averages.
 */
final class HeatmapQuery {

  private static final double KM_PER_MILE = 1.609344;

  private HeatmapQuery() {}

  static HeatmapResult run(
      Connection connection,
      HeatmapRequest request,
      CellSystem cells,
      CostGuard guard,
      int timeoutSeconds)
      throws SQLException {
    return run(connection, request, cells, guard, timeoutSeconds, true);
  }

  /** As {@link #run}; without {@code useRollup} every trip is read, which tests compare against. */
  static HeatmapResult run(
      Connection connection,
      HeatmapRequest request,
      CellSystem cells,
      CostGuard guard,
      int timeoutSeconds,
      boolean useRollup)
      throws SQLException {
    int resolution = request.resolution();
    HeatmapPlan plan = HeatmapPlan.of(request, cells.fineCellMeters(resolution), useRollup);
    guard.heatmap(connection, request, plan);
    Map<Bucket, Sums> buckets = new HashMap<>();
    try (PreparedStatement statement = plan.statement().prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          long gx = Math.floorDiv(rs.getLong(1), plan.fold());
          long gy = Math.floorDiv(rs.getLong(2), plan.fold());
          Bucket bucket = new Bucket(cells.cellOf(resolution, gx, gy), rs.getLong(3));
          buckets.computeIfAbsent(bucket, b -> new Sums()).add(rs);
        }
      }
    }
    return new HeatmapResult(
        cells.name(),
        resolution,
        cells.gridCellMeters(resolution),
        heatCells(buckets, cells, resolution),
        List.of());
  }

  private static List<HeatCell> heatCells(
      Map<Bucket, Sums> buckets, CellSystem cells, int resolution) {
    Map<Long, CellSystem.Cell> described = new HashMap<>();
    List<HeatCell> out = new ArrayList<>(buckets.size());
    for (Map.Entry<Bucket, Sums> entry : buckets.entrySet()) {
      Bucket bucket = entry.getKey();
      CellSystem.Cell cell =
          described.computeIfAbsent(bucket.cell(), c -> cells.describe(c, resolution));
      out.add(entry.getValue().toHeatCell(cell, hourOf(bucket.hour())));
    }
    out.sort(Comparator.comparing(HeatCell::hour).thenComparing(HeatCell::cell));
    return out;
  }

  /** The start of hour {@code hours} counted from 1970-01-01T00:00 wall-clock time. */
  private static LocalDateTime hourOf(long hours) {
    return LocalDateTime.ofEpochSecond(hours * 3600, 0, ZoneOffset.UTC);
  }

  private record Bucket(long cell, long hour) {}

  /**
   * Running sums of one cell-hour, merged from its squares. Integers (cents, hundredths of a mile,
   * seconds), so the order the rows arrive in cannot change the averages.
   */
  private static final class Sums {
    long trips;
    long fareCents;
    long fares;
    long seconds;
    long timed;
    long milesHundredths;
    long milesSeconds;

    void add(ResultSet rs) throws SQLException {
      trips += rs.getLong(4);
      fareCents += rs.getLong(5);
      fares += rs.getLong(6);
      seconds += rs.getLong(7);
      timed += rs.getLong(8);
      milesHundredths += rs.getLong(9);
      milesSeconds += rs.getLong(10);
    }

    HeatCell toHeatCell(CellSystem.Cell cell, LocalDateTime hour) {
      double km = milesHundredths / 100.0 * KM_PER_MILE;
      return new HeatCell(
          cell.id(),
          cell.lon(),
          cell.lat(),
          hour,
          trips,
          fares == 0 ? null : Rounding.cents(fareCents / 100.0 / fares),
          timed == 0 ? null : Rounding.tenths(seconds / (double) timed / 60),
          milesSeconds == 0 ? null : Rounding.tenths(km / (milesSeconds / 3600.0)));
    }
  }
}
