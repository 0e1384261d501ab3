package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.Spread;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The fare sample at one radius: the trips between the 250 m cells around both ends, picked up in
 * the minutes of day the tolerance spans, come from the fare index (migration V9), which also
 * carries everything the filters and percentiles need, so the table is not read.
 *
 * <p>The statement reads at most {@code cap + 1} candidate trips (a LIMIT below the filters, which
 * PostgreSQL never pushes them through) and reports how many it read. That bounds its cost by
 * itself, so no EXPLAIN has to estimate it first: a sample that reached the cap is thrown away and
 * the caller tries a smaller radius.
 */
@AutoService(QuerySql.class)
public final class FareEstimateQuery implements QuerySql<FareEstimateRequest> {

  /**
   * The candidates: every fared trip between the cells in the minutes of day around the time,
   * whatever its date or exact distance.
   */
  private static final String FROM_CANDIDATES =
      " FROM trips WHERE trip_cell(pickup_xy) = ANY(?) AND trip_cell(dropoff_xy) = ANY(?)"
          + " AND fare IS NOT NULL AND dropoff_xy IS NOT NULL AND dropoff_ts IS NOT NULL";

  /** The index's third key as a range, so that it reads only that part of the day. */
  private static final String MINUTES = " AND trip_minute_of_day(pickup_ts) BETWEEN ? AND ?";

  /**
   * A tolerance that wraps round midnight is two ranges; the index then reads the whole day between
   * the cells, as it did before it had the minute as a key.
   */
  private static final String MINUTES_ROUND_MIDNIGHT =
      " AND (trip_minute_of_day(pickup_ts) >= ? OR trip_minute_of_day(pickup_ts) <= ?)";

  private static final int MINUTES_A_DAY = 24 * 60;

  private static final String SAMPLE =
      "SELECT count(*), count(*) FILTER (WHERE keep),"
          + " percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY fare)"
          + " FILTER (WHERE keep),"
          + " percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY minutes)"
          + " FILTER (WHERE keep)"
          + " FROM (SELECT fare, date_part('epoch', dropoff_ts - pickup_ts) / 60 AS minutes,"
          + " (true";

  /** Seconds between two times of day, the short way round midnight. */
  private static final String TIME_OF_DAY =
      " AND least(abs(date_part('epoch', pickup_ts::time) - ?),"
          + " 86400 - abs(date_part('epoch', pickup_ts::time) - ?)) <= ?";

  @Override
  public Class<FareEstimateRequest> requestClass() {
    return FareEstimateRequest.class;
  }

  @Override
  public FareEstimateResult answer(
      Connection connection, FareEstimateRequest request, QueryContext context)
      throws SQLException {
    FareEstimateResult found =
        context
            .zones()
            .orZoneFallback(connection, request, context.fares().run(connection, request));
    return Notices.added(
        found,
        context.zoneNotices().forAny(connection),
        notices ->
            new FareEstimateResult(
                found.enough(),
                found.sampleSize(),
                found.minSample(),
                found.radiusMeters(),
                found.fare(),
                found.durationMinutes(),
                found.message(),
                found.zones(),
                notices));
  }

  /**
   * What one radius found.
   *
   * @param candidates trips read between the cells, at most {@code cap + 1}
   * @param matched trips that passed every filter; fare and minutes are null when none did
   */
  record Sample(long candidates, long matched, Spread fare, Spread minutes) {
    /** Whether the read stopped at the cap, so that {@code matched} is not the whole sample. */
    boolean capped(long cap) {
      return candidates > cap;
    }
  }

  /** The statement for the request's {@link FareEstimateRequest#radius()}. */
  static Sql sql(FareEstimateRequest request, long cap) {
    double r = request.radius();
    double secondOfDay = request.time().toLocalTime().toSecondOfDay();
    Sql sql =
        new Sql()
            .add(SAMPLE)
            .add(" AND pickup_xy <-> point(?, ?) <= ?", request.from().x(), request.from().y(), r)
            .add(" AND dropoff_xy <-> point(?, ?) <= ?", request.to().x(), request.to().y(), r)
            .add(TIME_OF_DAY, secondOfDay, secondOfDay, request.toleranceMinutes() * 60.0)
            .add(Filters.sources(request.sources()));
    if (request.sameDayType()) {
      sql.add(" AND (date_part('isodow', pickup_ts) >= 6) = ?", request.weekend());
    }
    sql.add(") AS keep")
        .add(
            FROM_CANDIDATES,
            TripCells.within(request.from().x(), request.from().y(), r),
            TripCells.within(request.to().x(), request.to().y(), r));
    // whole minutes around the exact seconds: a superset, which the keep test above then trims
    int low = Math.floorDiv((int) secondOfDay - request.toleranceMinutes() * 60, 60);
    int high = Math.floorDiv((int) secondOfDay + request.toleranceMinutes() * 60, 60);
    if (low < 0 || high >= MINUTES_A_DAY) {
      sql.add(
          MINUTES_ROUND_MIDNIGHT,
          Math.floorMod(low, MINUTES_A_DAY),
          Math.floorMod(high, MINUTES_A_DAY));
    } else {
      sql.add(MINUTES, low, high);
    }
    return sql.add(" LIMIT ?) sample", cap + 1);
  }

  static Sample run(
      Connection connection, FareEstimateRequest request, long cap, int timeoutSeconds)
      throws SQLException {
    try (PreparedStatement statement = sql(request, cap).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new Sample(
            rs.getLong(1), rs.getLong(2), spread(rs.getArray(3), 100), spread(rs.getArray(4), 10));
      }
    }
  }

  static Spread spread(Array percentiles, double scale) throws SQLException {
    if (percentiles == null) {
      return null;
    }
    Double[] values = (Double[]) percentiles.getArray();
    return new Spread(
        Math.round(values[0] * scale) / scale,
        Math.round(values[1] * scale) / scale,
        Math.round(values[2] * scale) / scale);
  }

  /**
   * For the Spark baseline: fare and duration percentiles of the trips between the two ends near
   * the time of day, at the request's {@link FareEstimateRequest#radius()}.
   */
  @Override
  public Optional<String> spark(FareEstimateRequest r) {
    return Optional.of(
        "SELECT count(*) AS sample, "
            + SparkSql.SPREADS
            + " FROM "
            + SparkSql.VIEW
            + " WHERE "
            + SparkSql.distance("pickup", r.from())
            + " <= "
            + SparkSql.number(r.radius())
            + " AND "
            + SparkSql.distance("dropoff", r.to())
            + " <= "
            + SparkSql.number(r.radius())
            + SparkSql.timeOfDay(r.time(), r.toleranceMinutes())
            + (r.sameDayType() ? SparkSql.dayType(r.weekend()) : "")
            + SparkSql.sources(r.sources()));
  }
}
