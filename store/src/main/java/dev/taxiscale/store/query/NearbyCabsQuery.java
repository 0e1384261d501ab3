package dev.taxiscale.store.query;

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

/**
 * Nearby cabs: drop-offs in the window, nearest first. The window holds a few thousand drop-offs
 * at most, all read from the drop-off time index without touching the table; a radius adds a box
 * test that skips most of them before the distance is computed.
 */
final class NearbyCabsQuery {

  private static final String SELECT =
      "SELECT id, source, dropoff_xy[0], dropoff_xy[1], dropoff_ts, passengers,"
          + " dropoff_xy <-> point(?, ?) AS meters"
          + " FROM trips WHERE dropoff_ts > ? AND dropoff_ts <= ?";

  private NearbyCabsQuery() {}

  static Sql sql(NearbyCabsRequest request) {
    double x = request.point().x();
    double y = request.point().y();
    Sql sql = new Sql().add(SELECT, x, y, request.windowStart(), request.time());
    if (request.radiusMeters() != null) {
      double r = request.radiusMeters();
      sql.add(" AND dropoff_xy <@ box(point(?, ?), point(?, ?))", x - r, y - r, x + r, y + r);
      sql.add(" AND dropoff_xy <-> point(?, ?) <= ?", x, y, r);
    }
    sql.add(Filters.sources(request.sources()));
    sql.add(Filters.minPassengers(request.minPassengers()));
    return sql.add(" ORDER BY meters, id LIMIT ?", request.k());
  }

  static NearbyCabsResult run(Connection connection, NearbyCabsRequest request, int timeoutSeconds)
      throws SQLException {
    List<NearbyCab> cabs = new ArrayList<>(request.k());
    try (PreparedStatement statement = sql(request).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          cabs.add(cab(rs, request.time()));
        }
      }
    }
    return new NearbyCabsResult(cabs, List.of());
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
}
