package dev.taxiscale.store.query;

import dev.taxiscale.core.query.PageCursor;
import dev.taxiscale.core.query.Ride;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.RideSearchResult;
import dev.taxiscale.core.trip.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Ride search: one count and one page, both driven by the pickup time index, whose included
 * points and filter columns let the count and the choice of the page's ids run without touching
 * the table; only the page's rows are then read by primary key.
 */
final class RideSearchQuery {

  private static final String PAGE =
      "SELECT t.id, t.source, t.pickup_ts, t.dropoff_ts, t.pickup_lon, t.pickup_lat,"
          + " t.dropoff_lon, t.dropoff_lat, t.passengers, t.distance_mi, t.fare, t.total"
          + " FROM (SELECT pickup_ts, id FROM trips WHERE ";
  private static final String PAGE_END =
      " ORDER BY pickup_ts, id LIMIT ?) p JOIN trips t ON t.id = p.id"
          + " ORDER BY p.pickup_ts, p.id";

  private RideSearchQuery() {}

  /** The WHERE conditions shared by the count and the page, without a leading AND. */
  static Sql matching(RideSearchRequest request) {
    Sql sql =
        new Sql()
            .add("pickup_ts >= ? AND pickup_ts < ?", request.window().from(), request.window().to());
    if (request.pickupBox() != null) {
      sql.add(Filters.inBox("pickup_xy", request.pickupBox()));
    }
    if (request.dropoffBox() != null) {
      sql.add(Filters.inBox("dropoff_xy", request.dropoffBox()));
    }
    return sql.add(Filters.sources(request.sources()))
        .add(Filters.minPassengers(request.minPassengers()));
  }

  static Sql count(RideSearchRequest request, Long cap) {
    if (cap == null) {
      return new Sql().add("SELECT count(*) FROM trips WHERE ").add(matching(request));
    }
    return new Sql()
        .add("SELECT count(*) FROM (SELECT 1 FROM trips WHERE ")
        .add(matching(request))
        .add(" LIMIT ?) capped", cap);
  }

  static Sql page(RideSearchRequest request) {
    Sql sql = new Sql().add(PAGE).add(matching(request));
    PageCursor cursor = request.cursor();
    if (cursor != null) {
      sql.add(" AND (pickup_ts, id) > (?, ?)", cursor.pickupAt(), cursor.id());
    }
    // one row more than the page tells whether another page follows
    return sql.add(PAGE_END, request.pageSize() + 1);
  }

  static RideSearchResult run(
      Connection connection, RideSearchRequest request, CostGuard guard, int timeoutSeconds)
      throws SQLException {
    CostGuard.Count plan = guard.rideCount(connection, request);
    long total = countRows(connection, count(request, plan.cap()), timeoutSeconds);
    List<Ride> rides = new ArrayList<>(request.pageSize() + 1);
    try (PreparedStatement statement = page(request).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rides.add(ride(rs));
        }
      }
    }
    PageCursor next = null;
    if (rides.size() > request.pageSize()) {
      rides.remove(rides.size() - 1);
      Ride last = rides.get(rides.size() - 1);
      next = new PageCursor(last.pickupAt(), last.id());
    }
    boolean exact = plan.cap() == null || total < plan.cap();
    return new RideSearchResult(total, exact, rides, next, exact ? List.of() : plan.notices());
  }

  private static long countRows(Connection connection, Sql sql, int timeoutSeconds)
      throws SQLException {
    try (PreparedStatement statement = sql.prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Ride ride(ResultSet rs) throws SQLException {
    return new Ride(
        rs.getLong(1),
        Source.fromCode(rs.getString(2)),
        rs.getObject(3, LocalDateTime.class),
        rs.getObject(4, LocalDateTime.class),
        rs.getDouble(5),
        rs.getDouble(6),
        rs.getObject(7, Double.class),
        rs.getObject(8, Double.class),
        rs.getObject(9, Integer.class),
        nullableReal(rs, 10),
        nullableReal(rs, 11),
        nullableReal(rs, 12));
  }

  /** Reals widen to doubles with float noise (9.5f is exact, 1.1f is not): keep 4 decimals. */
  private static Double nullableReal(ResultSet rs, int column) throws SQLException {
    float value = rs.getFloat(column);
    return rs.wasNull() ? null : Double.valueOf(Float.toString(value));
  }
}
