package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.NearbyCab;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.NearbyCabsResult;
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
 * Nearby cabs: the drop-offs of the window in the 250 m cells around the rider, nearest first, read
 * from the drop-off cell index without touching the table.
 *
 * <p>Without a radius the search widens in rings ({@link #RINGS_M}) until the k-th cab found lies
 * inside the ring searched, which proves no closer cab was left out. A ring that found k cabs but
 * not all inside it says how far the k-th lies at most, so the search goes straight to the first
 * ring past that distance. The rings grow by half at a time: a wide ring reads many cells, so
 * growing slowly keeps the common answer cheap (on a quiet evening's 15 minutes, most points of
 * Manhattan need 500-1,000 m). The last ring is the largest radius a request may ask for.
 */
@AutoService(QuerySql.class)
public final class NearbyCabsQuery implements QuerySql<NearbyCabsRequest> {

  static final double[] RINGS_M = {
    250, 500, 750, 1_000, 1_500, 2_000, 3_000, NearbyCabsRequest.MAX_RADIUS_M
  };

  private static final String SELECT =
      "SELECT id, source, dropoff_xy[0], dropoff_xy[1], dropoff_ts, passengers,"
          + " dropoff_xy <-> point(?, ?) AS meters"
          + " FROM trips WHERE trip_cell(dropoff_xy) = ANY(?)"
          + " AND dropoff_ts > ? AND dropoff_ts <= ?";

  @Override
  public Class<NearbyCabsRequest> requestClass() {
    return NearbyCabsRequest.class;
  }

  @Override
  public NearbyCabsResult answer(
      Connection connection, NearbyCabsRequest request, QueryContext context) throws SQLException {
    NearbyCabsResult found = run(connection, request, context.timeoutSeconds());
    long[] ids = found.cabs().stream().mapToLong(NearbyCab::tripId).toArray();
    return Notices.added(
        found,
        context.zoneNotices().forTrips(connection, ids, "cabs"),
        notices -> new NearbyCabsResult(found.cabs(), notices));
  }

  /** The k nearest in the cells within {@code ring} meters, those beyond it included. */
  static Sql sql(NearbyCabsRequest request, double ring, boolean onlyInside) {
    double x = request.point().x();
    double y = request.point().y();
    Sql sql =
        new Sql()
            .add(SELECT, x, y, TripCells.within(x, y, ring), request.windowStart(), request.time());
    if (onlyInside) {
      sql.add(" AND dropoff_xy <-> point(?, ?) <= ?", x, y, ring);
    }
    sql.add(Filters.sources(request.sources()));
    sql.add(Filters.minPassengers(request.minPassengers()));
    return sql.add(" ORDER BY meters, id LIMIT ?", request.k());
  }

  static NearbyCabsResult run(Connection connection, NearbyCabsRequest request, int timeoutSeconds)
      throws SQLException {
    if (request.radiusMeters() != null) {
      return result(
          select(connection, sql(request, request.radiusMeters(), true), request, timeoutSeconds));
    }
    List<NearbyCab> cabs = List.of();
    int last = RINGS_M.length - 1;
    for (int i = 0; i <= last; i = next(cabs, request.k(), i)) {
      cabs = select(connection, sql(request, RINGS_M[i], i == last), request, timeoutSeconds);
    }
    return result(cabs);
  }

  /**
   * The ring to search after ring {@code i} found {@code cabs}, or past the last one when the
   * answer is final.
   */
  static int next(List<NearbyCab> cabs, int k, int i) {
    int last = RINGS_M.length - 1;
    if (i == last) {
      return last + 1;
    }
    if (cabs.size() < k) {
      return i + 1;
    }
    // distances are rounded to decimeters: keep clear of the ring's edge
    double kth = cabs.get(cabs.size() - 1).distanceMeters() + 0.1;
    if (kth < RINGS_M[i]) {
      return last + 1;
    }
    // k cabs lie within kth, so the first ring past it is the last one needed
    int next = i + 1;
    while (next < last && RINGS_M[next] <= kth) {
      next++;
    }
    return next;
  }

  private static NearbyCabsResult result(List<NearbyCab> cabs) {
    return new NearbyCabsResult(cabs, List.of());
  }

  private static List<NearbyCab> select(
      Connection connection, Sql sql, NearbyCabsRequest request, int timeoutSeconds)
      throws SQLException {
    List<NearbyCab> cabs = new ArrayList<>(request.k());
    try (PreparedStatement statement = sql.prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          cabs.add(cab(rs, request.time()));
        }
      }
    }
    return cabs;
  }

  private static NearbyCab cab(ResultSet rs, LocalDateTime now) throws SQLException {
    LocalDateTime dropoffAt = rs.getObject(5, LocalDateTime.class);
    return new NearbyCab(
        rs.getLong(1),
        Source.fromCode(rs.getString(2)),
        // the index holds only metric points; the projection inverts exactly enough (1e-9 deg)
        Rounding.degrees(Projection.lon(rs.getDouble(3))),
        Rounding.degrees(Projection.lat(rs.getDouble(4))),
        dropoffAt,
        Rounding.decimeters(rs.getDouble(7)),
        Rounding.tenths(Duration.between(dropoffAt, now).toMillis() / 60_000.0),
        rs.getObject(6, Integer.class));
  }

  /** For the Spark baseline: drop-offs in the window near the point, nearest first, at most k. */
  @Override
  public Optional<String> spark(NearbyCabsRequest r) {
    double radius = r.radiusMeters() != null ? r.radiusMeters() : NearbyCabsRequest.MAX_RADIUS_M;
    String meters = SparkSql.distance("dropoff", r.point());
    return Optional.of(
        "SELECT id, "
            + meters
            + " AS meters FROM "
            + SparkSql.VIEW
            + " WHERE dropoff_ts > "
            + SparkSql.time(r.windowStart())
            + " AND dropoff_ts <= "
            + SparkSql.time(r.time())
            + " AND "
            + meters
            + " <= "
            + SparkSql.number(radius)
            + SparkSql.sources(r.sources())
            + SparkSql.minPassengers(r.minPassengers())
            + " ORDER BY meters, id LIMIT "
            + r.k());
  }
}
