package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.core.query.ZoneFigures;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneHeatmapResult;
import dev.taxiscale.core.query.ZoneName;
import dev.taxiscale.store.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Zone heatmap: SQL sums the zone rollup's hours of the window per pickup zone and hour of day (a
 * city-wide day is a few thousand index-only rows); Java adds each zone's hours up and turns sums
 * into averages.
 */
@AutoService(QuerySql.class)
public final class ZoneHeatmapQuery implements QuerySql<ZoneHeatmapRequest> {

  private static final String SUMS =
      "SELECT pickup_zone, hour % 24, sum(trips), sum(fare_cents), sum(fares), sum(seconds),"
          + " sum(timed), sum(miles_hundredths), sum(miles_seconds) FROM "
          + Tables.ZONE_HOURS
          + " WHERE hour >= ? AND hour < ?";

  /**
   * Within one day every hour of the day is a single hour, so the groups are those of the rollup
   * index's own order (hour, pickup zone): PostgreSQL sums its rows as they come, where grouping by
   * {@code hour % 24} made it hash or sort them all first: more than half the statement's time on a
   * dense day (25,440 rows, every zone in every hour of four files).
   */
  private static final String BY_HOUR = " GROUP BY hour, pickup_zone";

  /** Longer windows fold their days in SQL, so that a month returns a day's rows, not 31. */
  private static final String BY_HOUR_OF_DAY = " GROUP BY pickup_zone, hour % 24";

  @Override
  public Class<ZoneHeatmapRequest> requestClass() {
    return ZoneHeatmapRequest.class;
  }

  @Override
  public ZoneHeatmapResult answer(
      Connection connection, ZoneHeatmapRequest request, QueryContext context) throws SQLException {
    return context.zones().heatmap(connection, request);
  }

  /** The statement for a request, limited to {@code zones} when it is not null. */
  static Sql sql(ZoneHeatmapRequest request, Integer[] zones) {
    Sql sql = new Sql().add(SUMS, request.firstHour(), request.endHour());
    if (zones != null) {
      sql.add(" AND pickup_zone = ANY(?::smallint[])", (Object) zones);
    }
    boolean oneDay = request.endHour() - request.firstHour() <= 24;
    return sql.add(Filters.sources(request.sources())).add(oneDay ? BY_HOUR : BY_HOUR_OF_DAY);
  }

  static ZoneHeatmapResult run(
      Connection connection, ZoneHeatmapRequest request, ZoneCatalog catalog, int timeoutSeconds)
      throws SQLException {
    Map<Integer, ZoneName> names = catalog.requireLoaded(connection, "zones");
    Integer[] zones = wanted(connection, request, catalog, names);
    Map<Integer, Map<Integer, RollupSums>> byZone = new TreeMap<>();
    try (PreparedStatement statement = sql(request, zones).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          RollupSums sums = new RollupSums();
          sums.add(rs, 3);
          byZone.computeIfAbsent(rs.getInt(1), z -> new TreeMap<>()).put(rs.getInt(2), sums);
        }
      }
    }
    return result(byZone, names, wholeHours(request));
  }

  /** Says so when the window was widened to whole hours. */
  private static List<String> wholeHours(ZoneHeatmapRequest request) {
    LocalDateTime from = hourStart(request.firstHour());
    LocalDateTime to = hourStart(request.endHour());
    if (from.equals(request.window().from()) && to.equals(request.window().to())) {
      return List.of();
    }
    return List.of("read in whole hours, from " + from + " to " + to);
  }

  private static LocalDateTime hourStart(int epochHour) {
    return LocalDateTime.ofEpochSecond(epochHour * 3600L, 0, ZoneOffset.UTC);
  }

  /** The zone ids the filters allow, or null for every zone. */
  private static Integer[] wanted(
      Connection connection,
      ZoneHeatmapRequest request,
      ZoneCatalog catalog,
      Map<Integer, ZoneName> names)
      throws SQLException {
    Set<Integer> wanted = null;
    if (!request.zones().isEmpty()) {
      for (int zone : request.zones()) {
        catalog.require(connection, "zones", zone);
      }
      wanted = new TreeSet<>(request.zones());
    }
    if (request.borough() != null) {
      Set<Integer> inBorough = inBorough(request.borough(), names);
      if (wanted == null) {
        wanted = inBorough;
      } else {
        wanted.retainAll(inBorough);
      }
    }
    return wanted == null ? null : wanted.toArray(Integer[]::new);
  }

  private static Set<Integer> inBorough(String borough, Map<Integer, ZoneName> names) {
    Set<Integer> zones = new TreeSet<>();
    Set<String> boroughs = new TreeSet<>();
    for (ZoneName name : names.values()) {
      boroughs.add(name.borough());
      if (name.borough().equalsIgnoreCase(borough)) {
        zones.add(name.zone());
      }
    }
    if (zones.isEmpty()) {
      throw new ValidationException(
          "borough", "no zones in borough '" + borough + "'; the boroughs are " + boroughs);
    }
    return zones;
  }

  private static ZoneHeatmapResult result(
      Map<Integer, Map<Integer, RollupSums>> byZone,
      Map<Integer, ZoneName> names,
      List<String> notices) {
    List<ZoneFigures> zones = new ArrayList<>(byZone.size());
    List<ZoneFigures> hours = new ArrayList<>();
    List<ZoneName> named = new ArrayList<>(byZone.size());
    for (Map.Entry<Integer, Map<Integer, RollupSums>> zone : byZone.entrySet()) {
      RollupSums total = new RollupSums();
      for (Map.Entry<Integer, RollupSums> hour : zone.getValue().entrySet()) {
        total.add(hour.getValue());
        hours.add(figures(zone.getKey(), hour.getKey(), hour.getValue()));
      }
      zones.add(figures(zone.getKey(), null, total));
      ZoneName name = names.get(zone.getKey());
      named.add(name != null ? name : new ZoneName(zone.getKey(), "", "not in the zone lookup"));
    }
    return new ZoneHeatmapResult(zones, hours, named, notices);
  }

  private static ZoneFigures figures(int zone, Integer hour, RollupSums sums) {
    return new ZoneFigures(
        zone, hour, sums.trips, sums.avgFare(), sums.avgMinutes(), sums.avgSpeedKmh());
  }

  /**
   * For the Spark baseline: trips, average fare, duration and speed per pickup zone and hour of
   * day. The view has no zone names, so a borough filter is not applied there (the bench asks
   * city-wide ones).
   */
  @Override
  public Optional<String> spark(ZoneHeatmapRequest r) {
    String zones =
        r.zones().isEmpty()
            ? ""
            : r.zones().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", ", " AND pickup_zone IN (", ")"));
    return Optional.of(
        "SELECT pickup_zone, hour(pickup_ts) AS hour, count(*) AS trips, avg(fare) AS fare,"
            + " avg("
            + SparkSql.DURATION_S
            + ") AS seconds, sum(distance_mi) / sum("
            + SparkSql.DURATION_S
            + ") AS speed FROM "
            + SparkSql.VIEW
            + " WHERE pickup_zone IS NOT NULL AND pickup_ts >= "
            + SparkSql.time(r.window().from())
            + " AND pickup_ts < "
            + SparkSql.time(r.window().to())
            + zones
            + SparkSql.sources(r.sources())
            + " GROUP BY pickup_zone, hour");
  }
}
