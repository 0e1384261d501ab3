package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
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
import java.util.Optional;

/**
 * Heatmap: SQL sums trips per square and hour, from the hourly rollup where it can and from the
 * pickup cell index for the rest ({@link HeatmapPlan}); Java folds the squares into cells (see
 * {@link CellSystem}) and turns sums into averages.
 */
@AutoService(QuerySql.class)
public final class HeatmapQuery implements QuerySql<HeatmapRequest> {

  @Override
  public Class<HeatmapRequest> requestClass() {
    return HeatmapRequest.class;
  }

  @Override
  public HeatmapResult answer(Connection connection, HeatmapRequest request, QueryContext context)
      throws SQLException {
    HeatmapResult found =
        run(connection, request, context.cells(), context.guard(), context.timeoutSeconds());
    return Notices.added(
        found,
        context.zoneNotices().forWindow(connection, request.box(), request.window()),
        notices ->
            new HeatmapResult(
                found.cellSystem(),
                found.resolution(),
                found.gridCellMeters(),
                found.cells(),
                notices));
  }

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
          buckets.computeIfAbsent(bucket, b -> new Sums()).add(rs, 4);
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

  /** Running sums of one cell-hour, merged from its squares. */
  private static final class Sums extends RollupSums {
    HeatCell toHeatCell(CellSystem.Cell cell, LocalDateTime hour) {
      return new HeatCell(
          cell.id(), cell.lon(), cell.lat(), hour, trips, avgFare(), avgMinutes(), avgSpeedKmh());
    }
  }

  /**
   * For the Spark baseline: trips, average fare, duration and speed per cell and hour of pickup.
   * Its cells are squares of the H3 cell's average area rather than hexagons, which keeps the work
   * of the original job: one scan, one grouping.
   */
  @Override
  public Optional<String> spark(HeatmapRequest r) {
    String side = SparkSql.number(Math.sqrt(HeatmapRequest.cellAreaM2(r.resolution())));
    return Optional.of(
        "SELECT floor(pickup_x / "
            + side
            + ") AS cx, floor(pickup_y / "
            + side
            + ") AS cy, date_trunc('HOUR', pickup_ts) AS hour, count(*) AS trips, avg(fare) AS fare,"
            + " avg("
            + SparkSql.DURATION_S
            + ") AS seconds, avg(try_divide(distance_mi * 1609.344D, "
            + SparkSql.DURATION_S
            + ")) AS speed FROM "
            + SparkSql.VIEW
            + " WHERE pickup_ts >= "
            + SparkSql.time(r.window().from())
            + " AND pickup_ts < "
            + SparkSql.time(r.window().to())
            + SparkSql.inBox("pickup", r.box())
            + SparkSql.sources(r.sources())
            + " GROUP BY cx, cy, hour");
  }
}
