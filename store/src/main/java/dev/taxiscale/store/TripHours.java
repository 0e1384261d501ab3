package dev.taxiscale.store;

import dev.taxiscale.core.geo.Projection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The {@link Tables#TRIP_HOURS} rollup: per file, 125 m pickup square, hour and source, the trip
 * count and the exact integer sums the heatmap averages (migration V3 defines the table and the SQL
 * functions these methods twin).
 *
 * <p>Whatever writes trips writes their sums: the local engine aggregates while parsing ({@link
 * HourlySums}, then {@link #copy}); other writers call {@link #fill} after their COPY. Deleting a
 * file's trips deletes its sums ({@link IngestFiles} does both).
 */
public final class TripHours {
  /** Side of the squares; two by two of them make a 250 m {@code trip_cell}. */
  public static final double SQUARE_METERS = 125;

  static final String COLUMNS =
      "file_id, square_x, square_y, hour, source, trips, fare_cents, fares, seconds, timed,"
          + " miles_hundredths, miles_seconds";

  private static final String COPY_SQL =
      "COPY " + Tables.TRIP_HOURS + " (" + COLUMNS + ") FROM STDIN";

  /**
   * The V3 backfill for one file's id range, kept in step with the migration's; inserted in the
   * query index's order, which keeps its inserts on the index's right edge.
   */
  private static final String FILL =
      "INSERT INTO "
          + Tables.TRIP_HOURS
          + " ("
          + COLUMNS
          + ") SELECT file_id, trip_square(pickup_xy[0]), trip_square(pickup_xy[1]),"
          + " trip_hour(pickup_ts), source, count(*),"
          + " coalesce(sum(trip_hundredths(fare)), 0)::bigint, count(fare),"
          + " coalesce(sum(trip_seconds(pickup_ts, dropoff_ts)), 0)::bigint, count(dropoff_ts),"
          + " coalesce(sum(trip_hundredths(distance_mi)) FILTER (WHERE dropoff_ts IS NOT NULL),"
          + " 0)::bigint,"
          + " coalesce(sum(trip_seconds(pickup_ts, dropoff_ts))"
          + " FILTER (WHERE distance_mi IS NOT NULL), 0)::bigint"
          + " FROM "
          + Tables.TRIPS
          + " WHERE id >= ? AND id < ? GROUP BY 1, 2, 3, 4, 5 ORDER BY 4, 2, 3, 5";

  private static final int FLUSH_BYTES = 1 << 20;

  private static final String DELETE = "DELETE FROM " + Tables.TRIP_HOURS + " WHERE file_id = ?";

  private TripHours() {}

  /** The square column of a longitude, as {@code trip_square(pickup_xy[0])} computes it. */
  public static int squareX(double lon) {
    return square(Projection.x(lon));
  }

  /** The square row of a latitude, as {@code trip_square(pickup_xy[1])} computes it. */
  public static int squareY(double lat) {
    return square(Projection.y(lat));
  }

  /** The hour of a pickup, as {@code trip_hour(pickup_ts)} computes it. */
  public static int hour(LocalDateTime pickupAt) {
    return (int) Math.floorDiv(pickupAt.toEpochSecond(ZoneOffset.UTC), 3600);
  }

  /** An amount in hundredths as {@code trip_hundredths} computes it from the stored real. */
  public static long hundredths(double value) {
    return (long) Math.floor((double) (float) value * 100 + 0.5);
  }

  /** Whole seconds between two wall-clock times, as {@code trip_seconds} computes them. */
  public static long seconds(LocalDateTime pickupAt, LocalDateTime dropoffAt) {
    return dropoffAt.toEpochSecond(ZoneOffset.UTC) - pickupAt.toEpochSecond(ZoneOffset.UTC);
  }

  /** The square of a projected coordinate as stored (whole millimeters), then divided. */
  private static int square(double meters) {
    double stored = TripCopyEncoder.millimeters(meters) / 1000.0;
    return (int) Math.floor(stored / SQUARE_METERS);
  }

  /**
   * Computes a file's sums from its trips already in the table: for writers that do not aggregate
   * as they go. Reads the file's whole id range once.
   *
   * @return the rows written
   */
  public static long fill(Connection connection, int fileId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(FILL)) {
      ps.setLong(1, IngestFiles.firstTripId(fileId));
      ps.setLong(2, IngestFiles.firstTripId(fileId + 1));
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

  /**
   * Writes a file's aggregated sums with one COPY, in hour order (the query index's order).
   *
   * @return the rows the server stored
   */
  public static long copy(Connection connection, int fileId, HourlySums sums) throws SQLException {
    CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
    try {
      CopyText out = new CopyText(FLUSH_BYTES + 512);
      sums.forEachRow(
          (squareX, squareY, hour, source, values, offset) -> {
            append(out, fileId, squareX, squareY, hour, source.code(), values, offset);
            if (out.size >= FLUSH_BYTES) {
              copyIn.writeToCopy(out.buf, 0, out.size);
              out.size = 0;
            }
          });
      copyIn.writeToCopy(out.buf, 0, out.size);
      return copyIn.endCopy();
    } finally {
      if (copyIn.isActive()) {
        copyIn.cancelCopy();
      }
    }
  }

  private static void append(
      CopyText out,
      int fileId,
      int squareX,
      int squareY,
      int hour,
      String source,
      long[] values,
      int offset) {
    out.ensure(512);
    out.appendLong(fileId);
    out.tab();
    out.appendLong(squareX);
    out.tab();
    out.appendLong(squareY);
    out.tab();
    out.appendLong(hour);
    out.tab();
    out.appendText(source);
    for (int i = offset; i < offset + HourlySums.SUMS; i++) {
      out.tab();
      out.appendLong(values[i]);
    }
    out.put('\n');
  }
}
