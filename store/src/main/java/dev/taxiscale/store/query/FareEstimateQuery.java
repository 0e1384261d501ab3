package dev.taxiscale.store.query;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.Spread;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fare estimate: the trips between the 250 m cells around both ends come from the fare index, which
 * also carries everything the filters and percentiles need, so the table is not read.
 */
final class FareEstimateQuery {

  static final String FROM_CANDIDATES =
      " FROM trips WHERE trip_cell(pickup_xy) = ANY(?) AND trip_cell(dropoff_xy) = ANY(?)"
          + " AND fare IS NOT NULL AND dropoff_xy IS NOT NULL AND dropoff_ts IS NOT NULL";
  private static final String SAMPLE =
      "SELECT count(*), percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY fare),"
          + " percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY minutes)"
          + " FROM (SELECT fare, date_part('epoch', dropoff_ts - pickup_ts) / 60 AS minutes";

  /** Seconds between two times of day, the short way round midnight. */
  private static final String TIME_OF_DAY =
      " AND least(abs(date_part('epoch', pickup_ts::time) - ?),"
          + " 86400 - abs(date_part('epoch', pickup_ts::time) - ?)) <= ?";

  private FareEstimateQuery() {}

  /** An EXPLAIN of the index range the query reads, for the cost guard. */
  static Sql candidates(FareEstimateRequest request) {
    return new Sql().add("EXPLAIN SELECT 1").add(cells(request));
  }

  private static Sql cells(FareEstimateRequest request) {
    double r = request.radiusMeters();
    return new Sql()
        .add(
            FROM_CANDIDATES,
            TripCells.within(request.from().x(), request.from().y(), r),
            TripCells.within(request.to().x(), request.to().y(), r));
  }

  static Sql sql(FareEstimateRequest request) {
    double r = request.radiusMeters();
    double secondOfDay = request.time().toLocalTime().toSecondOfDay();
    Sql sql =
        new Sql()
            .add(SAMPLE)
            .add(cells(request))
            .add(" AND pickup_xy <-> point(?, ?) <= ?", request.from().x(), request.from().y(), r)
            .add(" AND dropoff_xy <-> point(?, ?) <= ?", request.to().x(), request.to().y(), r)
            .add(TIME_OF_DAY, secondOfDay, secondOfDay, request.toleranceMinutes() * 60.0)
            .add(Filters.sources(request.sources()));
    if (request.sameDayType()) {
      sql.add(" AND (date_part('isodow', pickup_ts) >= 6) = ?", request.weekend());
    }
    return sql.add(") sample");
  }

  static FareEstimateResult run(
      Connection connection, FareEstimateRequest asked, CostGuard guard, int timeoutSeconds)
      throws SQLException {
    List<String> notices = new ArrayList<>();
    FareEstimateRequest request = guard.fare(connection, asked, notices);
    try (PreparedStatement statement = sql(request).prepare(connection)) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long n = rs.getLong(1);
        if (n < request.minSample()) {
          return new FareEstimateResult(
              false,
              n,
              request.minSample(),
              request.radiusMeters(),
              null,
              null,
              tooFew(n, request),
              notices);
        }
        Spread fare = spread(rs.getArray(2), 100);
        Spread minutes = spread(rs.getArray(3), 10);
        return new FareEstimateResult(
            true,
            n,
            request.minSample(),
            request.radiusMeters(),
            fare,
            minutes,
            String.format(
                "%d trips: median fare $%.2f, median duration %.0f min",
                n, fare.median(), minutes.median()),
            notices);
      }
    }
  }

  private static String tooFew(long n, FareEstimateRequest request) {
    return String.format(
        "not enough history: %d matching trips, at least %d needed;"
            + " widen radiusMeters (%.0f) or toleranceMinutes (%d)",
        n, request.minSample(), request.radiusMeters(), request.toleranceMinutes());
  }

  private static Spread spread(Array percentiles, double scale) throws SQLException {
    Double[] values = (Double[]) percentiles.getArray();
    return new Spread(
        Math.round(values[0] * scale) / scale,
        Math.round(values[1] * scale) / scale,
        Math.round(values[2] * scale) / scale);
  }
}
