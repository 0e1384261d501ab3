package dev.taxiscale.store.query;

import javax.sql.DataSource;

/**
 * What one engine lends every query type's SQL class: its limits, its cells, its cost guard and the
 * helpers that keep state between queries (the zone catalog, the zone-level notice's cache).
 *
 * @param timeoutSeconds the statement timeout every statement sets
 * @param countCap how far a ride search counts before it says "at least"
 */
record QueryContext(
    CellSystem cells,
    CostGuard guard,
    FareSearch fares,
    ZoneQueries zones,
    ZoneNotices zoneNotices,
    int timeoutSeconds,
    long countCap) {

  static QueryContext of(DataSource dataSource, QueryLimits limits, CellSystem cells) {
    int timeoutSeconds = (int) Math.max(1, limits.statementTimeout().toSeconds());
    return new QueryContext(
        cells,
        new CostGuard(limits),
        new FareSearch(limits.maxFareRows(), timeoutSeconds),
        new ZoneQueries(dataSource, limits.maxFareRows(), limits.countCap(), timeoutSeconds),
        new ZoneNotices(),
        timeoutSeconds,
        limits.countCap());
  }
}
