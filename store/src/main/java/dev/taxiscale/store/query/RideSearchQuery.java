package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
import dev.taxiscale.core.clean.Rules;
import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FoundTrip;
import dev.taxiscale.core.query.PageCursor;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.RideSearchResult;
import dev.taxiscale.core.trip.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ride search: a count and a page over the cells covering the box, from the pickup cell index (or
 * the drop-off one when only a drop-off box is given).
 *
 * <p>The index is ordered by cell, not by time, so the first page in time order needs every match
 * read; the count reads them anyway, so one statement counts them and takes the page from them.
 * When the count reaches its cap the matches read are not the earliest ones: the page is then read
 * from a slice at the start of the window sized from the count to hold about twice a page, widened
 * until it holds a full page.
 */
@AutoService(QuerySql.class)
public final class RideSearchQuery implements QuerySql<RideSearchRequest> {

  private static final String PAGE =
      "SELECT t.id, t.source, t.pickup_ts, t.dropoff_ts, t.pickup_lon, t.pickup_lat,"
          + " t.dropoff_lon, t.dropoff_lat, t.passengers, t.distance_mi, t.fare, t.total"
          + " FROM (SELECT pickup_ts, id FROM trips WHERE ";
  private static final String COUNTED_PAGE =
      " SELECT (SELECT count(*) FROM m), t.id, t.source, t.pickup_ts, t.dropoff_ts, t.pickup_lon,"
          + " t.pickup_lat, t.dropoff_lon, t.dropoff_lat, t.passengers, t.distance_mi, t.fare,"
          + " t.total FROM (SELECT 1) one LEFT JOIN (p JOIN trips t ON t.id = p.id) ON true"
          + " ORDER BY p.pickup_ts, p.id";
  private static final String PAGE_END =
      " ORDER BY pickup_ts, id LIMIT ?) p JOIN trips t ON t.id = p.id ORDER BY p.pickup_ts, p.id";

  /** A trip ends at most this long after it starts: the cleaning rules drop longer ones. */
  private static final Duration LONGEST_TRIP = Duration.ofSeconds(Rules.MAX_DURATION_SECONDS);

  @Override
  public Class<RideSearchRequest> requestClass() {
    return RideSearchRequest.class;
  }

  @Override
  public RideSearchResult answer(
      Connection connection, RideSearchRequest request, QueryContext context) throws SQLException {
    RideSearchResult found = run(connection, request, context.countCap(), context.timeoutSeconds());
    return Notices.added(
        found,
        context.zoneNotices().forRides(connection, found.rides()),
        notices ->
            new RideSearchResult(
                found.total(), found.totalExact(), found.rides(), found.nextCursor(), notices));
  }

  /** The conditions for trips picked up in {@code [from, to)}, without a leading AND. */
  static Sql matching(RideSearchRequest request, LocalDateTime from, LocalDateTime to) {
    Sql sql = new Sql();
    BoundingBox pickup = request.pickupBox();
    BoundingBox dropoff = request.dropoffBox();
    if (pickup != null) {
      sql.add("trip_cell(pickup_xy) = ANY(?)", (Object) cells(pickup))
          .add(" AND pickup_ts >= ? AND pickup_ts < ?", from, to)
          .add(Filters.inBox("pickup_xy", pickup));
      if (dropoff != null) {
        sql.add(Filters.inBox("dropoff_xy", dropoff));
      }
    } else {
      sql.add("trip_cell(dropoff_xy) = ANY(?)", (Object) cells(dropoff))
          .add(" AND dropoff_ts >= ? AND dropoff_ts < ?", from, to.plus(LONGEST_TRIP))
          .add(" AND pickup_ts >= ? AND pickup_ts < ?", from, to)
          .add(Filters.inBox("dropoff_xy", dropoff));
    }
    return sql.add(Filters.sources(request.sources()))
        .add(Filters.minPassengers(request.minPassengers()));
  }

  static Integer[] cells(BoundingBox box) {
    return TripCells.covering(box.minX(), box.minY(), box.maxX(), box.maxY());
  }

  /**
   * The matches counted up to {@code cap} (reaching it means "at least") and, in the same statement
   * and the same read of the index, the earliest page-plus-one of them after the cursor joined to
   * their trips: one round trip for the usual search. The first row carries the count; without
   * matches it is the only row and its trip columns are null.
   */
  static Sql countAndPage(RideSearchRequest request, long cap) {
    Sql sql =
        new Sql()
            .add("WITH m AS MATERIALIZED (SELECT pickup_ts, id FROM trips WHERE ")
            .add(matching(request, request.window().from(), request.window().to()))
            .add(" LIMIT ?), p AS (SELECT pickup_ts, id FROM m", cap);
    PageCursor cursor = request.cursor();
    if (cursor != null) {
      sql.add(" WHERE (pickup_ts, id) > (?, ?)", cursor.pickupAt(), cursor.id());
    }
    return sql.add(" ORDER BY pickup_ts, id LIMIT ?)", request.pageSize() + 1).add(COUNTED_PAGE);
  }

  /** The first page-plus-one rows picked up in {@code [from, to)} after the cursor. */
  static Sql page(RideSearchRequest request, LocalDateTime from, LocalDateTime to) {
    Sql sql = new Sql().add(PAGE).add(matching(request, from, to));
    PageCursor cursor = request.cursor();
    if (cursor != null) {
      sql.add(" AND (pickup_ts, id) > (?, ?)", cursor.pickupAt(), cursor.id());
    }
    // one row more than the page tells whether another page follows
    return sql.add(PAGE_END, request.pageSize() + 1);
  }

  static RideSearchResult run(
      Connection connection, RideSearchRequest request, long countCap, int timeoutSeconds)
      throws SQLException {
    CountedPage counted =
        countedPage(connection, countAndPage(request, countCap), request, timeoutSeconds);
    long total = counted.total();
    // a capped count read an arbitrary part of the matches, not the earliest: page separately
    List<FoundTrip> rides =
        total < countCap ? counted.rides() : firstPage(connection, request, total, timeoutSeconds);
    PageCursor next = null;
    if (rides.size() > request.pageSize()) {
      rides.remove(rides.size() - 1);
      FoundTrip last = rides.get(rides.size() - 1);
      next = new PageCursor(last.pickupAt(), last.id());
    }
    boolean exact = total < countCap;
    return new RideSearchResult(total, exact, rides, next, exact ? List.of() : capped(countCap));
  }

  static List<String> capped(long countCap) {
    return List.of(
        "total counted up to "
            + countCap
            + ": more trips match; narrow the window or the box for an exact total");
  }

  /** Reads slices of the window, each four times longer, until one holds a page and one more. */
  private static List<FoundTrip> firstPage(
      Connection connection, RideSearchRequest request, long total, int timeoutSeconds)
      throws SQLException {
    LocalDateTime start = request.window().from();
    if (request.cursor() != null && request.cursor().pickupAt().isAfter(start)) {
      start = request.cursor().pickupAt();
    }
    LocalDateTime end = request.window().to();
    double perSecond = total / (double) Math.max(1, request.window().length().toSeconds());
    long slice = (long) Math.ceil(2 * (request.pageSize() + 1) / perSecond) + 1;
    while (true) {
      LocalDateTime sliceEnd = start.plusSeconds(slice);
      boolean whole = !sliceEnd.isBefore(end);
      List<FoundTrip> rides =
          select(connection, page(request, start, whole ? end : sliceEnd), request, timeoutSeconds);
      if (whole || rides.size() > request.pageSize()) {
        return rides;
      }
      slice *= 4;
    }
  }

  private static List<FoundTrip> select(
      Connection connection, Sql sql, RideSearchRequest request, int timeoutSeconds)
      throws SQLException {
    List<FoundTrip> rides = new ArrayList<>(request.pageSize() + 1);
    try (PreparedStatement statement = sql.prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rides.add(ride(rs, 0));
        }
      }
    }
    return rides;
  }

  /** The count and the page of {@link #countAndPage}. */
  private record CountedPage(long total, List<FoundTrip> rides) {}

  private static CountedPage countedPage(
      Connection connection, Sql sql, RideSearchRequest request, int timeoutSeconds)
      throws SQLException {
    long total = 0;
    List<FoundTrip> rides = new ArrayList<>(request.pageSize() + 1);
    try (PreparedStatement statement = sql.prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          total = rs.getLong(1);
          rs.getLong(2);
          if (!rs.wasNull()) {
            rides.add(ride(rs, 1));
          }
        }
      }
    }
    return new CountedPage(total, rides);
  }

  /** The trip columns of a page row, after {@code skipped} leading columns. */
  static FoundTrip ride(ResultSet rs, int skipped) throws SQLException {
    int c = skipped;
    return new FoundTrip(
        rs.getLong(c + 1),
        Source.fromCode(rs.getString(c + 2)),
        rs.getObject(c + 3, LocalDateTime.class),
        rs.getObject(c + 4, LocalDateTime.class),
        rs.getDouble(c + 5),
        rs.getDouble(c + 6),
        rs.getObject(c + 7, Double.class),
        rs.getObject(c + 8, Double.class),
        rs.getObject(c + 9, Integer.class),
        nullableReal(rs, c + 10),
        nullableReal(rs, c + 11),
        nullableReal(rs, c + 12));
  }

  /**
   * Reals widen to doubles with float noise (9.5f is exact, 1.1f is not): use their shortest form.
   */
  private static Double nullableReal(ResultSet rs, int column) throws SQLException {
    float value = rs.getFloat(column);
    return rs.wasNull() ? null : Double.valueOf(Float.toString(value));
  }

  /**
   * For the Spark baseline: the count of matching rides beside each row of the first page (a cursor
   * is not followed), in (pickup time, id) order.
   */
  @Override
  public Optional<String> spark(RideSearchRequest r) {
    return Optional.of(
        "SELECT id, pickup_ts, count(*) OVER () AS matched FROM "
            + SparkSql.VIEW
            + " WHERE pickup_ts >= "
            + SparkSql.time(r.window().from())
            + " AND pickup_ts < "
            + SparkSql.time(r.window().to())
            + (r.pickupBox() == null ? "" : SparkSql.inBox("pickup", r.pickupBox()))
            + (r.dropoffBox() == null ? "" : SparkSql.inBox("dropoff", r.dropoffBox()))
            + SparkSql.sources(r.sources())
            + SparkSql.minPassengers(r.minPassengers())
            + " ORDER BY pickup_ts, id LIMIT "
            + r.pageSize());
  }
}
