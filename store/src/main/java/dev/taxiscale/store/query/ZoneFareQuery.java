package dev.taxiscale.store.query;

import com.google.auto.service.AutoService;
import dev.taxiscale.core.query.Spread;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneFareResult;
import dev.taxiscale.store.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The zone-to-zone fare sample: the trips between two zones come from the zone pair index, keyed by
 * time of day after the zones, which also carries what the filters and percentiles read. At most
 * {@code cap + 1} trips are read, which bounds the cost without asking the planner first.
 */
@AutoService(QuerySql.class)
public final class ZoneFareQuery implements QuerySql<ZoneFareRequest> {

  private static final String SAMPLE =
      "SELECT count(*), avg(fare),"
          + " percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY fare), avg(minutes),"
          + " percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY minutes)"
          + " FROM (SELECT fare, date_part('epoch', dropoff_ts - pickup_ts) / 60 AS minutes FROM "
          + Tables.TRIPS
          + " WHERE pickup_zone = ? AND dropoff_zone = ? AND pickup_zone IS NOT NULL"
          + " AND dropoff_zone IS NOT NULL AND fare IS NOT NULL AND dropoff_ts IS NOT NULL";

  private static final String MINUTES = " AND trip_minute_of_day(pickup_ts) BETWEEN ? AND ?";

  /** A tolerance that wraps round midnight is two ranges of minutes. */
  private static final String WRAPPED_MINUTES =
      " AND (trip_minute_of_day(pickup_ts) BETWEEN ? AND ?"
          + " OR trip_minute_of_day(pickup_ts) BETWEEN ? AND ?)";

  private static final int MINUTES_PER_DAY = 24 * 60;

  @Override
  public Class<ZoneFareRequest> requestClass() {
    return ZoneFareRequest.class;
  }

  @Override
  public ZoneFareResult answer(Connection connection, ZoneFareRequest request, QueryContext context)
      throws SQLException {
    return context.zones().fare(connection, request);
  }

  /** What the sample holds; the figures are null when no trip matched. */
  record Sample(long matched, Double meanFare, Spread fare, Double meanMinutes, Spread minutes) {

    /** Whether the read stopped at the cap, so that the sample is not every trip. */
    boolean capped(long cap) {
      return matched > cap;
    }
  }

  static Sql sql(ZoneFareRequest request, long cap) {
    Sql sql = new Sql().add(SAMPLE, request.fromZone(), request.toZone());
    if (request.time() != null) {
      int minute = request.time().getHour() * 60 + request.time().getMinute();
      int low = minute - request.toleranceMinutes();
      int high = minute + request.toleranceMinutes();
      if (low < 0) {
        sql.add(WRAPPED_MINUTES, 0, high, low + MINUTES_PER_DAY, MINUTES_PER_DAY - 1);
      } else if (high >= MINUTES_PER_DAY) {
        sql.add(WRAPPED_MINUTES, low, MINUTES_PER_DAY - 1, 0, high - MINUTES_PER_DAY);
      } else {
        sql.add(MINUTES, low, high);
      }
      if (request.sameDayType()) {
        sql.add(" AND (date_part('isodow', pickup_ts) >= 6) = ?", request.weekend());
      }
    }
    return sql.add(Filters.sources(request.sources())).add(" LIMIT ?) sample", cap + 1);
  }

  static Sample run(Connection connection, ZoneFareRequest request, long cap, int timeoutSeconds)
      throws SQLException {
    try (PreparedStatement statement = sql(request, cap).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new Sample(
            rs.getLong(1),
            rounded(rs, 2, 100),
            FareEstimateQuery.spread(rs.getArray(3), 100),
            rounded(rs, 4, 10),
            FareEstimateQuery.spread(rs.getArray(5), 10));
      }
    }
  }

  private static Double rounded(ResultSet rs, int column, double scale) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(value * scale) / scale;
  }

  /** For the Spark baseline: fare and duration mean and percentiles of the trips between zones. */
  @Override
  public Optional<String> spark(ZoneFareRequest r) {
    String timeOfDay = "";
    if (r.time() != null) {
      timeOfDay = SparkSql.timeOfDay(r.time(), r.toleranceMinutes());
      if (r.sameDayType()) {
        timeOfDay += SparkSql.dayType(r.weekend());
      }
    }
    return Optional.of(
        "SELECT count(*) AS sample, avg(fare) AS mean, "
            + SparkSql.SPREADS
            + " FROM "
            + SparkSql.VIEW
            + " WHERE pickup_zone = "
            + r.fromZone()
            + " AND dropoff_zone = "
            + r.toZone()
            + " AND fare IS NOT NULL AND dropoff_ts IS NOT NULL"
            + timeOfDay
            + SparkSql.sources(r.sources()));
  }
}
