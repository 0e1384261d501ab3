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
 * Heatmap: SQL sums trips per fine square and hour from the pickup cell index; Java folds the
 * squares into cells (see {@link CellSystem}) and turns sums into averages.
 */
final class HeatmapQuery {

  /**
   * Kept lean on purpose: every expression here runs once per trip, tens of thousands of times a
   * query. The hour is an integer from the epoch (cheaper than date_trunc); trips with a drop-off
   * have a positive duration (the cleaning rules drop the others).
   */
  static final String SELECT =
      "SELECT floor(pickup_xy[0] / ?)::bigint, floor(pickup_xy[1] / ?)::bigint,"
          + " floor(date_part('epoch', pickup_ts) / 3600)::bigint, count(*),"
          + " sum(fare), count(fare),"
          + " sum(date_part('epoch', dropoff_ts) - date_part('epoch', pickup_ts)), count(dropoff_ts),"
          + " sum(distance_mi) FILTER (WHERE dropoff_ts IS NOT NULL),"
          + " sum(date_part('epoch', dropoff_ts) - date_part('epoch', pickup_ts))"
          + " FILTER (WHERE distance_mi IS NOT NULL)"
          + " FROM trips WHERE trip_cell(pickup_xy) = ANY(?) AND pickup_ts >= ? AND pickup_ts < ?";

  private static final double KM_PER_MILE = 1.609344;

  private HeatmapQuery() {}

  static Sql sql(HeatmapRequest request, double fineMeters) {
    return new Sql()
        .add(
            SELECT,
            fineMeters,
            fineMeters,
            RideSearchQuery.cells(request.box()),
            request.window().from(),
            request.window().to())
        .add(Filters.inBox("pickup_xy", request.box()))
        .add(Filters.sources(request.sources()))
        .add(" GROUP BY 1, 2, 3");
  }

  static HeatmapResult run(
      Connection connection,
      HeatmapRequest request,
      CellSystem cells,
      CostGuard guard,
      int timeoutSeconds)
      throws SQLException {
    guard.heatmap(connection, request);
    int resolution = request.resolution();
    Map<Bucket, Sums> buckets = new HashMap<>();
    try (PreparedStatement statement =
        sql(request, cells.fineCellMeters(resolution)).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          long cell = cells.cellOf(resolution, rs.getLong(1), rs.getLong(2));
          Bucket bucket = new Bucket(cell, hourOf(rs.getLong(3)));
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
      out.add(entry.getValue().toHeatCell(cell, bucket.hour()));
    }
    out.sort(Comparator.comparing(HeatCell::hour).thenComparing(HeatCell::cell));
    return out;
  }

  /** The start of hour {@code hours} counted from 1970-01-01T00:00 wall-clock time. */
  private static LocalDateTime hourOf(long hours) {
    return LocalDateTime.ofEpochSecond(hours * 3600, 0, ZoneOffset.UTC);
  }

  private record Bucket(long cell, LocalDateTime hour) {}

  /** Running sums of one cell-hour, merged from its fine squares. */
  private static final class Sums {
    long trips;
    double fare;
    long fares;
    double seconds;
    long timed;
    double miles;
    double milesSeconds;

    void add(ResultSet rs) throws SQLException {
      trips += rs.getLong(4);
      fare += rs.getDouble(5);
      fares += rs.getLong(6);
      seconds += rs.getDouble(7);
      timed += rs.getLong(8);
      miles += rs.getDouble(9);
      milesSeconds += rs.getDouble(10);
    }

    HeatCell toHeatCell(CellSystem.Cell cell, LocalDateTime hour) {
      return new HeatCell(
          cell.id(),
          cell.lon(),
          cell.lat(),
          hour,
          trips,
          fares == 0 ? null : Rounding.cents(fare / fares),
          timed == 0 ? null : Rounding.tenths(seconds / timed / 60),
          milesSeconds == 0 ? null : Rounding.tenths(miles * KM_PER_MILE / (milesSeconds / 3600)));
    }
  }
}
