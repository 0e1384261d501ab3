package dev.taxiscale.store.query;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneFareResult;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneHeatmapResult;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import dev.taxiscale.core.query.ZoneRideSearchResult;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The taxi zone queries on one connection each: zone ids are checked against the loaded zones (an
 * unknown one is a bad request naming its field, no zones at all a "load them first").
 */
final class ZoneQueries {

  private final ZoneCatalog catalog;
  private final ZoneFares fares;
  private final long countCap;
  private final int timeoutSeconds;

  ZoneQueries(DataSource dataSource, long fareCap, long countCap, int timeoutSeconds) {
    this.catalog = new ZoneCatalog(dataSource);
    this.fares = new ZoneFares(catalog, fareCap, timeoutSeconds);
    this.countCap = countCap;
    this.timeoutSeconds = timeoutSeconds;
  }

  ZoneHeatmapResult heatmap(Connection connection, ZoneHeatmapRequest request) throws SQLException {
    return ZoneHeatmapQuery.run(connection, request, catalog, timeoutSeconds);
  }

  ZoneFareResult fare(Connection connection, ZoneFareRequest request) throws SQLException {
    return fares.estimate(connection, request);
  }

  ZoneRideSearchResult rides(Connection connection, ZoneRideSearchRequest request)
      throws SQLException {
    if (request.pickupZone() != null) {
      catalog.require(connection, "pickupZone", request.pickupZone());
    }
    if (request.dropoffZone() != null) {
      catalog.require(connection, "dropoffZone", request.dropoffZone());
    }
    return ZoneRideQuery.run(connection, request, countCap, timeoutSeconds);
  }

  /**
   * A fare estimate whose own widening found too few trips answered from the points' zones instead,
   * when zones are loaded; a radius the client gave is honoured, so it never falls back.
   */
  FareEstimateResult orZoneFallback(
      Connection connection, FareEstimateRequest request, FareEstimateResult found)
      throws SQLException {
    if (found.enough() || request.radiusMeters() != null) {
      return found;
    }
    return fares.fallback(connection, request, found);
  }
}
