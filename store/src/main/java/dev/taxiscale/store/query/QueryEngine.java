package dev.taxiscale.store.query;

import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.FoundTrip;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;
import dev.taxiscale.core.query.NearbyCab;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.NearbyCabsResult;
import dev.taxiscale.core.query.QueryRefusedException;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.RideSearchResult;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneFareResult;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneHeatmapResult;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import dev.taxiscale.core.query.ZoneRideSearchResult;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs the ride and taxi zone queries against the trips table: the one engine behind the Kafka
 * workers and the direct mode. Thread-safe; each call borrows one connection from the data source.
 *
 * <p>Requests arrive validated (their records check themselves). Failures surface as {@link
 * QueryRefusedException} (the cost guard said no), {@link DatabaseUnavailableException} (the server
 * cannot be reached) or {@link QueryFailedException} (the statement failed or timed out).
 */
public final class QueryEngine {

  private final DataSource dataSource;
  private final CellSystem cells;
  private final CostGuard guard;
  private final FareSearch fares;
  private final int timeoutSeconds;
  private final long countCap;
  private final ZoneNotices zoneNotices = new ZoneNotices();
  private final ZoneQueries zones;

  /**
   * Each query type once: the method answering it and the Spark baseline's statement for the same
   * question, both beside the type's SQL. Every registered type must be here.
   */
  private static final List<TypeSql<?>> TYPES =
      List.of(
          TypeSql.of(NearbyCabsRequest.class, QueryEngine::nearbyCabs, NearbyCabsQuery::spark),
          TypeSql.of(RideSearchRequest.class, QueryEngine::rideSearch, RideSearchQuery::spark),
          TypeSql.of(HeatmapRequest.class, QueryEngine::heatmap, HeatmapQuery::spark),
          TypeSql.of(
              FareEstimateRequest.class, QueryEngine::fareEstimate, FareEstimateQuery::spark),
          TypeSql.of(ZoneHeatmapRequest.class, QueryEngine::zoneHeatmap, ZoneHeatmapQuery::spark),
          TypeSql.of(ZoneFareRequest.class, QueryEngine::zoneFare, ZoneFareQuery::spark),
          TypeSql.of(
              ZoneRideSearchRequest.class, QueryEngine::zoneRideSearch, ZoneRideQuery::spark));

  /** Read by {@link SparkSql#of}. */
  static final ByType<String> SPARK = TypeSql.sparkStatements(TYPES);

  private final ByType<QueryResult> byType = TypeSql.answers(TYPES, this);

  /** An engine with the default limits and H3 cells (square cells if H3 cannot load). */
  public QueryEngine(DataSource dataSource) {
    this(dataSource, QueryLimits.defaults(), CellSystem.h3OrGrid());
  }

  public QueryEngine(DataSource dataSource, QueryLimits limits, CellSystem cells) {
    this.dataSource = dataSource;
    this.cells = cells;
    this.guard = new CostGuard(limits);
    this.timeoutSeconds = (int) Math.max(1, limits.statementTimeout().toSeconds());
    this.countCap = limits.countCap();
    this.fares = new FareSearch(limits.maxFareRows(), timeoutSeconds);
    this.zones =
        new ZoneQueries(dataSource, limits.maxFareRows(), limits.countCap(), timeoutSeconds);
  }

  /** Answers any request with the matching result type. */
  public QueryResult execute(QueryRequest request) {
    return byType.apply(request);
  }

  public NearbyCabsResult nearbyCabs(NearbyCabsRequest request) {
    return withConnection(
        request,
        c -> {
          NearbyCabsResult found = NearbyCabsQuery.run(c, request, timeoutSeconds);
          long[] ids = found.cabs().stream().mapToLong(NearbyCab::tripId).toArray();
          return zoneNotices
              .forTrips(c, ids, "cabs")
              .map(n -> new NearbyCabsResult(found.cabs(), Notices.plus(found.notices(), n)))
              .orElse(found);
        });
  }

  public RideSearchResult rideSearch(RideSearchRequest request) {
    return withConnection(
        request,
        c -> {
          RideSearchResult found = RideSearchQuery.run(c, request, countCap, timeoutSeconds);
          long[] ids = found.rides().stream().mapToLong(FoundTrip::id).toArray();
          return zoneNotices
              .forTrips(c, ids, "rides on this page")
              .map(
                  n ->
                      new RideSearchResult(
                          found.total(),
                          found.totalExact(),
                          found.rides(),
                          found.nextCursor(),
                          Notices.plus(found.notices(), n)))
              .orElse(found);
        });
  }

  public HeatmapResult heatmap(HeatmapRequest request) {
    return withConnection(
        request,
        c -> {
          HeatmapResult found = HeatmapQuery.run(c, request, cells, guard, timeoutSeconds);
          return zoneNotices
              .forWindow(c, request.box(), request.window())
              .map(
                  n ->
                      new HeatmapResult(
                          found.cellSystem(),
                          found.resolution(),
                          found.gridCellMeters(),
                          found.cells(),
                          Notices.plus(found.notices(), n)))
              .orElse(found);
        });
  }

  public FareEstimateResult fareEstimate(FareEstimateRequest request) {
    return withConnection(
        request,
        c -> {
          FareEstimateResult found = zones.orZoneFallback(c, request, fares.run(c, request));
          return zoneNotices
              .forAny(c)
              .map(
                  n ->
                      new FareEstimateResult(
                          found.enough(),
                          found.sampleSize(),
                          found.minSample(),
                          found.radiusMeters(),
                          found.fare(),
                          found.durationMinutes(),
                          found.message(),
                          found.zones(),
                          Notices.plus(found.notices(), n)))
              .orElse(found);
        });
  }

  public ZoneHeatmapResult zoneHeatmap(ZoneHeatmapRequest request) {
    return withConnection(request, c -> zones.heatmap(c, request));
  }

  public ZoneFareResult zoneFare(ZoneFareRequest request) {
    return withConnection(request, c -> zones.fare(c, request));
  }

  public ZoneRideSearchResult zoneRideSearch(ZoneRideSearchRequest request) {
    return withConnection(
        request,
        c -> {
          ZoneRideSearchResult found = zones.rides(c, request);
          long[] ids = found.rides().stream().mapToLong(FoundTrip::id).toArray();
          return zoneNotices
              .forTrips(c, ids, "rides on this page")
              .map(
                  n ->
                      new ZoneRideSearchResult(
                          found.total(),
                          found.totalExact(),
                          found.rides(),
                          found.nextCursor(),
                          Notices.plus(found.notices(), n)))
              .orElse(found);
        });
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T withConnection(QueryRequest request, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(request, e);
    }
  }

  private static RuntimeException translate(QueryRequest request, SQLException e) {
    if (Database.isConnectionFailure(e)) {
      return new DatabaseUnavailableException("database unavailable: " + firstLine(e), e);
    }
    if ("57014".equals(e.getSQLState())) {
      return new QueryFailedException(request.type() + " query timed out: " + firstLine(e), e);
    }
    return new QueryFailedException(request.type() + " query failed: " + firstLine(e), e);
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
