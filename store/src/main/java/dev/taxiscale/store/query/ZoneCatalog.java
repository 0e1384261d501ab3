package dev.taxiscale.store.query;

import dev.taxiscale.core.query.DataMissingException;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.core.query.ZoneName;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.store.Tables;
import dev.taxiscale.store.TaxiZones;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The loaded taxi zones as the zone queries need them: names to check and label ids with, and the
 * shapes to find the zone of a point. Read again at most every {@value #RECHECK_MILLIS} ms, so a
 * {@code taxiscale zones load} shows within seconds; the shapes only when the zones changed.
 */
final class ZoneCatalog {
  static final long RECHECK_MILLIS = 10_000;

  /** What every zone query says when there are no zones to answer with. */
  static final String NOT_LOADED =
      "no taxi zones are loaded; run `taxiscale zones load` (or ingest a zone-based file) first";

  private static final String NAMES =
      "SELECT location_id, borough, zone FROM " + Tables.TAXI_ZONES + " ORDER BY location_id";

  private final DataSource dataSource;
  private volatile long checkedAt;
  private volatile Map<Integer, ZoneName> names = Map.of();
  private volatile ZoneMap shapes;
  private volatile Map<Integer, ZoneName> shapesOf;

  ZoneCatalog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every loaded zone by id; empty when none are loaded. */
  Map<Integer, ZoneName> names(Connection connection) throws SQLException {
    long now = System.currentTimeMillis();
    if (now - checkedAt > RECHECK_MILLIS) {
      names = read(connection);
      checkedAt = now;
    }
    return names;
  }

  /**
   * The zone with this id, checked against the loaded ones.
   *
   * @throws DataMissingException when no zones are loaded at all
   * @throws ValidationException naming {@code field} when the id is not a loaded zone
   */
  ZoneName require(Connection connection, String field, int zone) throws SQLException {
    Map<Integer, ZoneName> all = requireLoaded(connection, field);
    ZoneName name = all.get(zone);
    if (name == null) {
      throw new ValidationException(
          field,
          "no taxi zone " + zone + "; the loaded zones are " + range(all) + " (see /api/v1/zones)");
    }
    return name;
  }

  /** Every loaded zone, or a {@link DataMissingException} naming {@code field} when none are. */
  Map<Integer, ZoneName> requireLoaded(Connection connection, String field) throws SQLException {
    Map<Integer, ZoneName> all = names(connection);
    if (all.isEmpty()) {
      throw new DataMissingException(field, NOT_LOADED);
    }
    return all;
  }

  /** The zones with their shapes, loaded once per change of the zones; empty when none. */
  ZoneMap shapes(Connection connection) throws SQLException {
    Map<Integer, ZoneName> current = names(connection);
    if (shapes == null || !current.equals(shapesOf)) {
      shapes = new TaxiZones(dataSource).load();
      shapesOf = current;
    }
    return shapes;
  }

  private static Map<Integer, ZoneName> read(Connection connection) throws SQLException {
    Map<Integer, ZoneName> read = new TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(NAMES)) {
      while (rs.next()) {
        int id = rs.getInt(1);
        read.put(id, new ZoneName(id, rs.getString(2), rs.getString(3)));
      }
    }
    return Map.copyOf(read);
  }

  private static String range(Map<Integer, ZoneName> all) {
    int first = all.keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
    int last = all.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    return all.size() + " ids from " + first + " to " + last;
  }
}
