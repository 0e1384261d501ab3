package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
import dev.taxiscale.core.query.FoundTrip;
import dev.taxiscale.core.query.PageCursor;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import dev.taxiscale.core.query.ZoneRideSearchResult;
import dev.taxiscale.store.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ride search by zone: the zone indexes hold a zone's trips in (pickup time, id) order, so a page
 * is the first rows of one range scan after the cursor, and the count a capped scan of the same
 * range.
 */
@AutoService(QuerySql.class)
public final class ZoneRideQuery implements QuerySql<ZoneRideSearchRequest> {

  private static final String PAGE =
      "SELECT t.id, t.source, t.pickup_ts, t.dropoff_ts, t.pickup_lon, t.pickup_lat,"
          + " t.dropoff_lon, t.dropoff_lat, t.passengers, t.distance_mi, t.fare, t.total"
          + " FROM (SELECT pickup_ts, id FROM "
          + Tables.TRIPS
          + " WHERE ";
  private static final String PAGE_END =
      " ORDER BY pickup_ts, id LIMIT ?) p JOIN "
          + Tables.TRIPS
          + " t ON t.id = p.id ORDER BY p.pickup_ts, p.id";
  private static final String COUNT =
      "SELECT count(*) FROM (SELECT 1 FROM " + Tables.TRIPS + " WHERE ";

  @Override
  public Class<ZoneRideSearchRequest> requestClass() {
    return ZoneRideSearchRequest.class;
  }

  @Override
  public ZoneRideSearchResult answer(
      Connection connection, ZoneRideSearchRequest request, QueryContext context)
      throws SQLException {
    ZoneRideSearchResult found = context.zones().rides(connection, request);
    return Notices.added(
        found,
        context.zoneNotices().forRides(connection, found.rides()),
        notices ->
            new ZoneRideSearchResult(
                found.total(), found.totalExact(), found.rides(), found.nextCursor(), notices));
  }

  /** The conditions, without a leading AND; the pickup zone's index when there is one. */
  static Sql matching(ZoneRideSearchRequest request) {
    Sql sql = new Sql();
    if (request.pickupZone() != null) {
      sql.add("pickup_zone = ? AND pickup_zone IS NOT NULL", request.pickupZone().shortValue());
      if (request.dropoffZone() != null) {
        sql.add(" AND dropoff_zone = ?", request.dropoffZone().shortValue());
      }
    } else {
      sql.add("dropoff_zone = ? AND dropoff_zone IS NOT NULL", request.dropoffZone().shortValue());
    }
    return sql.add(
            " AND pickup_ts >= ? AND pickup_ts < ?", request.window().from(), request.window().to())
        .add(Filters.sources(request.sources()))
        .add(Filters.minPassengers(request.minPassengers()));
  }

  static Sql page(ZoneRideSearchRequest request) {
    Sql sql = new Sql().add(PAGE).add(matching(request));
    PageCursor cursor = request.cursor();
    if (cursor != null) {
      sql.add(" AND (pickup_ts, id) > (?, ?)", cursor.pickupAt(), cursor.id());
    }
    // one row more than the page tells whether another page follows
    return sql.add(PAGE_END, request.pageSize() + 1);
  }

  static Sql count(ZoneRideSearchRequest request, long cap) {
    return new Sql().add(COUNT).add(matching(request)).add(" LIMIT ?) c", cap);
  }

  static ZoneRideSearchResult run(
      Connection connection, ZoneRideSearchRequest request, long countCap, int timeoutSeconds)
      throws SQLException {
    long total;
    try (PreparedStatement statement = count(request, countCap).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<FoundTrip> rides = new ArrayList<>(request.pageSize() + 1);
    try (PreparedStatement statement = page(request).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rides.add(RideSearchQuery.ride(rs, 0));
        }
      }
    }
    PageCursor next = null;
    if (rides.size() > request.pageSize()) {
      rides.remove(rides.size() - 1);
      FoundTrip last = rides.get(rides.size() - 1);
      next = new PageCursor(last.pickupAt(), last.id());
    }
    boolean exact = total < countCap;
    return new ZoneRideSearchResult(
        total, exact, rides, next, exact ? List.of() : RideSearchQuery.capped(countCap));
  }

  /** For the Spark baseline: the first page of trips from and/or to a zone, in pickup order. */
  @Override
  public Optional<String> spark(ZoneRideSearchRequest r) {
    String zones =
        (r.pickupZone() == null ? "" : " AND pickup_zone = " + r.pickupZone())
            + (r.dropoffZone() == null ? "" : " AND dropoff_zone = " + r.dropoffZone());
    return Optional.of(
        "SELECT id FROM "
            + SparkSql.VIEW
            + " WHERE pickup_ts >= "
            + SparkSql.time(r.window().from())
            + " AND pickup_ts < "
            + SparkSql.time(r.window().to())
            + zones
            + SparkSql.sources(r.sources())
            + SparkSql.minPassengers(r.minPassengers())
            + " ORDER BY pickup_ts, id LIMIT "
            + r.pageSize());
  }
}
