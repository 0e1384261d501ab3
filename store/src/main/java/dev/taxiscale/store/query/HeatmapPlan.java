package dev.taxiscale.store.query;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.store.Tables;
import dev.taxiscale.store.TripHours;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a heatmap reads its sums: whole hours of the 125 m squares wholly inside the box from
 * {@code trip_hours}, everything else (the squares the box edge cuts, the partial hours at the ends
 * of the window) from the trips, exactly as before the rollup existed. The parts are disjoint and
 * together cover every trip in the box and window once, so the answer is the same either way.
 *
 * <p>Every part returns rows of (square column, square row, hour, trips, then the six sums of
 * {@code trip_hours}). Squares are the rollup's 125 m when the fine square of the cell system is a
 * multiple of them, and the caller folds {@code fold} by {@code fold} of them into one fine square;
 * otherwise they are the fine squares themselves and every trip is read.
 *
 * @param fold how many squares per fine square side
 * @param parts the statements to UNION ALL
 */
record HeatmapPlan(int fold, List<Part> parts) {

  /**
   * How far inside the box an inner square must lie. A point's square comes from a rounded
   * division, so the point may sit a rounding error (about 1e-12 m) outside its square; a
   * millimeter (the stored precision) keeps every such point inside the box.
   */
  private static final double SLACK_METERS = 0.001;

  private static final String TRIP_SUMS =
      "SELECT floor(pickup_xy[0] / ?)::bigint, floor(pickup_xy[1] / ?)::bigint,"
          + " trip_hour(pickup_ts), count(*), sum(trip_hundredths(fare))::bigint, count(fare),"
          + " sum(trip_seconds(pickup_ts, dropoff_ts))::bigint, count(dropoff_ts),"
          + " sum(trip_hundredths(distance_mi)) FILTER (WHERE dropoff_ts IS NOT NULL)::bigint,"
          + " sum(trip_seconds(pickup_ts, dropoff_ts))"
          + " FILTER (WHERE distance_mi IS NOT NULL)::bigint";

  private static final String HOUR_SUMS =
      "SELECT square_x, square_y, hour, trips, fare_cents, fares, seconds, timed,"
          + " miles_hundredths, miles_seconds";

  /**
   * One SELECT of the union.
   *
   * @param select the columns, with their values
   * @param from the table
   * @param scan the conditions the index answers: what the part reads, and what the guard counts
   * @param filter further conditions on what was read
   * @param groupBy whether the rows are summed per square and hour
   */
  record Part(Sql select, String from, Sql scan, Sql filter, boolean groupBy) {}

  /**
   * The plan for a request when SQL groups by squares of {@code squareMeters}. Only a multiple of
   * {@link TripHours#SQUARE_METERS} can be answered from the rollup, and only when {@code
   * useRollup}; otherwise the trips are read as a whole.
   */
  static HeatmapPlan of(HeatmapRequest request, double squareMeters, boolean useRollup) {
    long fold = Math.round(squareMeters / TripHours.SQUARE_METERS);
    if (fold < 1 || fold * TripHours.SQUARE_METERS != squareMeters) {
      return everyTrip(request, squareMeters, 1);
    }
    double unit = TripHours.SQUARE_METERS;
    Squares inner = Squares.inside(request.box());
    LocalDateTime from = request.window().from();
    LocalDateTime to = request.window().to();
    LocalDateTime wholeFrom = ceilHour(from);
    LocalDateTime wholeTo = to.truncatedTo(ChronoUnit.HOURS);
    if (!useRollup || inner == null || !wholeFrom.isBefore(wholeTo)) {
      return everyTrip(request, unit, (int) fold);
    }
    Integer[] allCells = RideSearchQuery.cells(request.box());
    List<Part> parts = new ArrayList<>();
    parts.add(hours(request, inner, wholeFrom, wholeTo));
    parts.add(trips(request, unit, inner.edgeCells(request.box()), wholeFrom, wholeTo, inner));
    if (from.isBefore(wholeFrom)) {
      parts.add(trips(request, unit, allCells, from, wholeFrom, null));
    }
    if (wholeTo.isBefore(to)) {
      parts.add(trips(request, unit, allCells, wholeTo, to, null));
    }
    return new HeatmapPlan((int) fold, List.copyOf(parts));
  }

  /** Every trip of the box and window, read from the trips. */
  private static HeatmapPlan everyTrip(HeatmapRequest request, double unit, int fold) {
    Integer[] cells = RideSearchQuery.cells(request.box());
    TimeWindow window = request.window();
    return new HeatmapPlan(
        fold, List.of(trips(request, unit, cells, window.from(), window.to(), null)));
  }

  /** The statement: every part, UNION ALL. */
  Sql statement() {
    Sql sql = new Sql();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      sql.add(i == 0 ? "" : " UNION ALL ")
          .add(part.select())
          .add(" FROM " + part.from() + " WHERE ")
          .add(part.scan())
          .add(part.filter())
          .add(part.groupBy() ? " GROUP BY 1, 2, 3" : "");
    }
    return sql;
  }

  /** An EXPLAIN whose top row estimate is the number of index entries the parts read. */
  Sql explainScans() {
    Sql sql = new Sql().add("EXPLAIN ");
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      sql.add(i == 0 ? "" : " UNION ALL ")
          .add("SELECT 1 FROM " + part.from() + " WHERE ")
          .add(part.scan());
    }
    return sql;
  }

  /** Whole hours of the inner squares, from the rollup. */
  private static Part hours(
      HeatmapRequest request, Squares inner, LocalDateTime from, LocalDateTime to) {
    Sql scan =
        new Sql()
            .add(
                "hour >= ? AND hour < ? AND square_x BETWEEN ? AND ? AND square_y BETWEEN ? AND ?",
                TripHours.hour(from),
                TripHours.hour(to),
                inner.fromX(),
                inner.toX(),
                inner.fromY(),
                inner.toY());
    return new Part(
        new Sql().add(HOUR_SUMS),
        Tables.TRIP_HOURS,
        scan,
        Filters.sources(request.sources()),
        false);
  }

  /** Trips of the given cells and times in the box, outside the inner squares if any. */
  private static Part trips(
      HeatmapRequest request,
      double unit,
      Integer[] cells,
      LocalDateTime from,
      LocalDateTime to,
      Squares outside) {
    Sql scan =
        new Sql()
            .add(
                "trip_cell(pickup_xy) = ANY(?) AND pickup_ts >= ? AND pickup_ts < ?",
                cells,
                from,
                to);
    Sql filter = new Sql().add(Filters.inBox("pickup_xy", request.box()));
    if (outside != null) {
      filter.add(
          " AND NOT (trip_square(pickup_xy[0]) BETWEEN ? AND ?"
              + " AND trip_square(pickup_xy[1]) BETWEEN ? AND ?)",
          outside.fromX(),
          outside.toX(),
          outside.fromY(),
          outside.toY());
    }
    filter.add(Filters.sources(request.sources()));
    return new Part(new Sql().add(TRIP_SUMS, unit, unit), Tables.TRIPS, scan, filter, true);
  }

  private static LocalDateTime ceilHour(LocalDateTime time) {
    LocalDateTime hour = time.truncatedTo(ChronoUnit.HOURS);
    return hour.equals(time) ? hour : hour.plusHours(1);
  }

  /** The 125 m squares wholly inside a box, inclusive ranges of columns and rows. */
  record Squares(int fromX, int toX, int fromY, int toY) {

    /** The squares wholly inside the box, or null when there is none. */
    static Squares inside(BoundingBox box) {
      double side = TripHours.SQUARE_METERS;
      int fromX = (int) Math.ceil((box.minX() + SLACK_METERS) / side);
      int toX = (int) Math.floor((box.maxX() - SLACK_METERS) / side) - 1;
      int fromY = (int) Math.ceil((box.minY() + SLACK_METERS) / side);
      int toY = (int) Math.floor((box.maxY() - SLACK_METERS) / side) - 1;
      return fromX <= toX && fromY <= toY ? new Squares(fromX, toX, fromY, toY) : null;
    }

    /** The box's 250 m cells that are not made only of these squares: where the edge parts are. */
    Integer[] edgeCells(BoundingBox box) {
      return TripCells.coveringExcept(
          box.minX(), box.minY(), box.maxX(), box.maxY(), fromX, toX, fromY, toY);
    }
  }
}
