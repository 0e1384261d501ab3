package dev.taxiscale.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The {@link Tables#ZONE_HOURS} rollup: per file, pickup taxi zone, hour and source, the trip count
 * and the exact integer sums the zone heatmap averages (migration V6 defines the table; the sums
 * are those of {@link TripHours}).
 *
 * <p>Every writer of trips calls {@link #fill} once a file's trips are in, and deleting a file's
 * trips deletes its sums ({@link IngestFiles} does both), so a reload or a forced load leaves the
 * rollup equal to what the trips give.
 */
public final class ZoneHours {

  /**
   * One file's sums from its stored zone-level trips. Whether the file has any is asked first
   * through the zone index, whose predicate keeps point trips out, so a file of point trips costs
   * one index probe, not a read of its rows.
   */
  private static final String FILL =
      "INSERT INTO "
          + Tables.ZONE_HOURS
          + " (file_id, pickup_zone, hour, source, trips, fare_cents, fares, seconds, timed,"
          + " miles_hundredths, miles_seconds)"
          + " SELECT file_id, pickup_zone, trip_hour(pickup_ts), source, count(*),"
          + " coalesce(sum(trip_hundredths(fare)), 0)::bigint, count(fare),"
          + " coalesce(sum(trip_seconds(pickup_ts, dropoff_ts)), 0)::bigint, count(dropoff_ts),"
          + " coalesce(sum(trip_hundredths(distance_mi)) FILTER (WHERE dropoff_ts IS NOT NULL),"
          + " 0)::bigint,"
          + " coalesce(sum(trip_seconds(pickup_ts, dropoff_ts))"
          + " FILTER (WHERE distance_mi IS NOT NULL), 0)::bigint"
          + " FROM "
          + Tables.TRIPS
          + " WHERE id >= ? AND id < ? AND pickup_zone IS NOT NULL"
          + " GROUP BY 1, 2, 3, 4 ORDER BY 3, 2, 4";

  private static final String ANY =
      "SELECT EXISTS (SELECT 1 FROM "
          + Tables.TRIPS
          + " WHERE pickup_zone IS NOT NULL AND id >= ? AND id < ?)";

  private static final String DELETE = "DELETE FROM " + Tables.ZONE_HOURS + " WHERE file_id = ?";

  private ZoneHours() {}

  /**
   * Computes a file's sums from its zone-level trips already in the table; writes nothing for a
   * file without any.
   *
   * @return the rows written
   */
  public static long fill(Connection connection, int fileId) throws SQLException {
    long first = IngestFiles.firstTripId(fileId);
    long end = IngestFiles.firstTripId(fileId + 1);
    if (!anyZoneLevel(connection, first, end)) {
      return 0;
    }
    try (PreparedStatement ps = connection.prepareStatement(FILL)) {
      ps.setLong(1, first);
      ps.setLong(2, end);
      return ps.executeUpdate();
    }
  }

  /** Deletes a file's sums, as its trips are deleted. */
  public static void delete(Connection connection, int fileId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(DELETE)) {
      ps.setInt(1, fileId);
      ps.executeUpdate();
    }
  }

  private static boolean anyZoneLevel(Connection connection, long first, long end)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(ANY)) {
      ps.setLong(1, first);
      ps.setLong(2, end);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
