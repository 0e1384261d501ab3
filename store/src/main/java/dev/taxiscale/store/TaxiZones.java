package dev.taxiscale.store;

import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.core.zone.ZoneMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The {@link Tables#TAXI_ZONES} table: replaced whole by a zone load, read whole by whoever places
 * or draws zones (265 rows, about 1 MB of shapes).
 */
public final class TaxiZones {
  private static final String INSERT =
      "INSERT INTO "
          + Tables.TAXI_ZONES
          + " (location_id, borough, zone, service_zone, shape_wkb, polygons, centroid_lon,"
          + " centroid_lat, area_m2, min_lon, min_lat, max_lon, max_lat, source)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String SELECT =
      "SELECT location_id, borough, zone, service_zone, shape_wkb FROM "
          + Tables.TAXI_ZONES
          + " ORDER BY location_id";

  private final DataSource dataSource;

  public TaxiZones(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Replaces every zone in one transaction, so readers see the old set or the new one. */
  public void replaceAll(List<TaxiZone> zones, String source) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement delete = c.createStatement();
          PreparedStatement insert = c.prepareStatement(INSERT)) {
        delete.executeUpdate("DELETE FROM " + Tables.TAXI_ZONES);
        WKBWriter wkb = new WKBWriter();
        for (TaxiZone zone : zones) {
          bind(insert, zone, wkb, source);
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** Every zone, with shapes, as a map ready to place trips; empty when none were loaded. */
  public ZoneMap load() throws SQLException {
    List<TaxiZone> zones = new ArrayList<>();
    WKBReader wkb = new WKBReader();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SELECT)) {
      while (rs.next()) {
        byte[] shape = rs.getBytes(5);
        zones.add(
            new TaxiZone(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                shape == null ? null : read(wkb, shape, rs.getInt(1))));
      }
    }
    return new ZoneMap(zones);
  }

  /** The number of zones loaded. */
  public int count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Tables.TAXI_ZONES)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void bind(PreparedStatement insert, TaxiZone zone, WKBWriter wkb, String source)
      throws SQLException {
    Geometry shape = zone.shape();
    insert.setInt(1, zone.locationId());
    insert.setString(2, zone.borough());
    insert.setString(3, zone.name());
    insert.setString(4, zone.serviceZone());
    insert.setBytes(5, shape == null ? null : wkb.write(shape));
    insert.setInt(6, shape == null ? 0 : shape.getNumGeometries());
    Point centroid = zone.centroid();
    setDouble(insert, 7, centroid == null ? null : centroid.getX());
    setDouble(insert, 8, centroid == null ? null : centroid.getY());
    insert.setDouble(9, zone.areaSquareMeters());
    Envelope box = shape == null ? null : shape.getEnvelopeInternal();
    setDouble(insert, 10, box == null ? null : box.getMinX());
    setDouble(insert, 11, box == null ? null : box.getMinY());
    setDouble(insert, 12, box == null ? null : box.getMaxX());
    setDouble(insert, 13, box == null ? null : box.getMaxY());
    insert.setString(14, source);
  }

  private static void setDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  private static Geometry read(WKBReader wkb, byte[] bytes, int locationId) throws SQLException {
    try {
      return wkb.read(bytes);
    } catch (ParseException e) {
      throw new SQLException("taxi zone " + locationId + " has an unreadable shape", e);
    }
  }
}
