package dev.taxiscale.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import javax.sql.DataSource;

/**
 * Where and when the loaded trips are: the pickup time range and the box holding the central 90% of
 * pickups (the full min/max box would be stretched by a few far-away trips over empty water).
 */
public record DataBounds(
    double west,
    double south,
    double east,
    double north,
    LocalDateTime firstPickup,
    LocalDateTime lastPickup,
    long trips) {

  private static final String SQL =
      "SELECT percentile_disc(0.05) WITHIN GROUP (ORDER BY pickup_lon),"
          + " percentile_disc(0.05) WITHIN GROUP (ORDER BY pickup_lat),"
          + " percentile_disc(0.95) WITHIN GROUP (ORDER BY pickup_lon),"
          + " percentile_disc(0.95) WITHIN GROUP (ORDER BY pickup_lat),"
          + " min(pickup_ts), max(pickup_ts), count(*) FROM trips";

  public DataBounds {
    if (!(west < east && south < north)) {
      throw new IllegalArgumentException(
          "bounds must have west < east and south < north, got "
              + west
              + ","
              + south
              + " .. "
              + east
              + ","
              + north);
    }
    if (!firstPickup.isBefore(lastPickup)) {
      throw new IllegalArgumentException(
          "the first pickup must precede the last, got " + firstPickup + " .. " + lastPickup);
    }
  }

  /** Reads the bounds of the trips table; fails with a one-line message when it is empty. */
  public static DataBounds of(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      rs.next();
      if (rs.getLong(7) == 0) {
        throw new IllegalStateException("the trips table is empty: load data first");
      }
      return new DataBounds(
          rs.getDouble(1),
          rs.getDouble(2),
          rs.getDouble(3),
          rs.getDouble(4),
          rs.getObject(5, LocalDateTime.class),
          rs.getObject(6, LocalDateTime.class),
          rs.getLong(7));
    }
  }
}
