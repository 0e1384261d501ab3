package dev.taxiscale.ingest;

import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.store.TaxiZones;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The taxi zones read from the database when the first zone-based file needs them; every engine
 * places zone-based trips in these.
 */
public final class ZonesOnce {
  private final DataSource dataSource;
  private ZoneMap zones;

  public ZonesOnce(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The loaded zones.
   *
   * @throws IngestException naming the file and the command that loads them, when none are loaded
   */
  public ZoneMap require(String fileName, FileLayout layout) throws IngestException {
    if (zones == null || zones.isEmpty()) {
      try {
        zones = new TaxiZones(dataSource).load();
      } catch (SQLException e) {
        throw new IngestException(fileName + ": " + Failures.describe(e), e);
      }
    }
    if (zones.isEmpty()) {
      throw new IngestException(
          fileName
              + ": "
              + layout.name()
              + " trips carry taxi zone ids, and no taxi zones are loaded: run 'taxiscale zones"
              + " load' (or 'taxiscale zones load taxi_zones.zip' offline) first");
    }
    return zones;
  }
}
