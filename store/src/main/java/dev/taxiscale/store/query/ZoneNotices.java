package dev.taxiscale.store.query;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FoundTrip;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.store.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The notice an answer carries when some of its positions are zone-level: trips the TLC published
 * by taxi zone, which were placed at a point inside their zone, so nothing pretends to be
 * street-level. Says how many and how coarse (the zones' median area and its side).
 *
 * <p>Whether any zone-level trip exists is asked through a partial index that is empty while none
 * does, and remembered for {@value #RECHECK_MILLIS} ms, so answers over point trips pay nothing.
 */
final class ZoneNotices {
  static final long RECHECK_MILLIS = 10_000;

  private static final String ANY =
      "SELECT EXISTS (SELECT 1 FROM " + Tables.TRIPS + " WHERE precision = 'zone')";

  private static final String BY_IDS =
      "SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY z.area_m2) FROM "
          + Tables.TRIPS
          + " t JOIN "
          + Tables.TAXI_ZONES
          + " z ON z.location_id = t.pickup_zone WHERE t.id = ANY(?) AND t.precision = 'zone'";

  /** At most this many zone-level pickups are looked at to size the zones of a window. */
  private static final int WINDOW_SAMPLE = 10_000;

  private static final String IN_WINDOW =
      "SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY z.area_m2) FROM (SELECT"
          + " pickup_zone FROM "
          + Tables.TRIPS
          + " WHERE precision = 'zone' AND pickup_ts >= ? AND pickup_ts < ? AND pickup_xy <@"
          + " box(point(?, ?), point(?, ?)) LIMIT "
          + WINDOW_SAMPLE
          + ") t JOIN "
          + Tables.TAXI_ZONES
          + " z ON z.location_id = t.pickup_zone";

  private volatile long checkedAt;
  private volatile boolean any;

  /** For a page of rides: how many of them are zone-level. */
  Optional<String> forRides(Connection connection, List<FoundTrip> rides) throws SQLException {
    return forTrips(
        connection, rides.stream().mapToLong(FoundTrip::id).toArray(), "rides on this page");
  }

  /** For answers that list trips: how many of them are zone-level. */
  Optional<String> forTrips(Connection connection, long[] ids, String what) throws SQLException {
    if (ids.length == 0 || !anyZoneLevel(connection)) {
      return Optional.empty();
    }
    try (PreparedStatement statement = connection.prepareStatement(BY_IDS)) {
      statement.setArray(1, connection.createArrayOf("bigint", box(ids)));
      return notice(statement, ids.length + " " + what);
    }
  }

  /** For answers that aggregate pickups in a box and window. */
  Optional<String> forWindow(Connection connection, BoundingBox box, TimeWindow window)
      throws SQLException {
    if (!anyZoneLevel(connection)) {
      return Optional.empty();
    }
    try (PreparedStatement statement = connection.prepareStatement(IN_WINDOW)) {
      statement.setObject(1, window.from());
      statement.setObject(2, window.to());
      statement.setDouble(3, box.minX());
      statement.setDouble(4, box.minY());
      statement.setDouble(5, box.maxX());
      statement.setDouble(6, box.maxY());
      return notice(statement, "the pickups");
    }
  }

  /** For answers whose sample cannot be listed (the fare estimate). */
  Optional<String> forAny(Connection connection) throws SQLException {
    return anyZoneLevel(connection)
        ? Optional.of(
            "trips published by taxi zone may be in the sample: their positions are points placed"
                + " inside their zone, not street-level")
        : Optional.empty();
  }

  private static Optional<String> notice(PreparedStatement statement, String of)
      throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      rs.next();
      long zoneLevel = rs.getLong(1);
      if (zoneLevel == 0) {
        return Optional.empty();
      }
      double squareMeters = rs.getDouble(2);
      return Optional.of(
          String.format(
              java.util.Locale.ROOT,
              "%d%s of %s are zone-level: published by taxi zone and placed at a point inside the"
                  + " zone, not street-level (zones of median %.2f km², about %.0f m across)",
              zoneLevel,
              zoneLevel == WINDOW_SAMPLE ? "+" : "",
              of,
              squareMeters / 1e6,
              Math.sqrt(squareMeters)));
    }
  }

  private boolean anyZoneLevel(Connection connection) throws SQLException {
    long now = System.currentTimeMillis();
    if (now - checkedAt > RECHECK_MILLIS) {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(ANY)) {
        rs.next();
        any = rs.getBoolean(1);
      }
      checkedAt = now;
    }
    return any;
  }

  private static Long[] box(long[] ids) {
    Long[] boxed = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      boxed[i] = ids[i];
    }
    return boxed;
  }
}
