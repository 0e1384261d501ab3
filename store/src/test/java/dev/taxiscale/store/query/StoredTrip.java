package dev.taxiscale.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A trips row as stored, read back by a full scan: what the brute-force checks filter. */
record StoredTrip(
    long id,
    String source,
    LocalDateTime pickupAt,
    LocalDateTime dropoffAt,
    double pickupLon,
    double pickupLat,
    Double dropoffLon,
    Double dropoffLat,
    double pickupX,
    double pickupY,
    Double dropoffX,
    Double dropoffY,
    Integer passengers,
    Float distanceMiles,
    Float fare) {

  static List<StoredTrip> readAll(DataSource dataSource) throws SQLException {
    List<StoredTrip> trips = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, source, pickup_ts, dropoff_ts, pickup_lon, pickup_lat, dropoff_lon,"
                    + " dropoff_lat, pickup_xy[0], pickup_xy[1], dropoff_xy[0], dropoff_xy[1],"
                    + " passengers, distance_mi, fare FROM trips")) {
      while (rs.next()) {
        trips.add(
            new StoredTrip(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, LocalDateTime.class),
                rs.getObject(4, LocalDateTime.class),
                rs.getDouble(5),
                rs.getDouble(6),
                rs.getObject(7, Double.class),
                rs.getObject(8, Double.class),
                rs.getDouble(9),
                rs.getDouble(10),
                rs.getObject(11, Double.class),
                rs.getObject(12, Double.class),
                rs.getObject(13, Integer.class),
                rs.getObject(14, Float.class),
                rs.getObject(15, Float.class)));
      }
    }
    return trips;
  }

  boolean hasDropoff() {
    return dropoffAt != null && dropoffX != null;
  }

  /** Planar meters from the drop-off to a metric point, as PostgreSQL's {@code <->} computes. */
  double dropoffMetersTo(double x, double y) {
    return Math.hypot(dropoffX - x, dropoffY - y);
  }

  double pickupMetersTo(double x, double y) {
    return Math.hypot(pickupX - x, pickupY - y);
  }
}
