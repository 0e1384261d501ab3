package dev.taxiscale.store.query;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Spark SQL statement that asks what the engine answers, over the {@value #VIEW} view of the
 * same trips: one scan with a filter plus an order and limit, a grouping or an aggregate. Each
 * query type's statement lives beside its PostgreSQL statement (the {@link QuerySql#spark} method
 * of its SQL class); these are the pieces they share.
 *
 * <p>Values become literals here, unlike in {@link Sql}: they come from validated request records
 * (numbers, times, enum codes), and the statements run only in the benchmark's local Spark.
 */
public final class SparkSql {
  /** The view the statements read: the trips exported to Parquet. */
  public static final String VIEW = "trips";

  static final String PERCENTILES = "array(0.1D, 0.5D, 0.9D)";
  static final String DURATION_S = "timestampdiff(SECOND, pickup_ts, dropoff_ts)";

  /** The fare and duration percentiles of a fare sample, as both fare estimates read them. */
  static final String SPREADS =
      "percentile_approx(fare, "
          + PERCENTILES
          + ") AS fares, percentile_approx("
          + DURATION_S
          + ", "
          + PERCENTILES
          + ") AS seconds";

  /** Every type's statement, from its SQL class; a type without a SQL class fails here by name. */
  private static final ByType<String> STATEMENTS = QuerySqls.sparkStatements(QuerySqls.FOUND);

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private SparkSql() {}

  /** The statement asking what {@code request} asks; empty for a type registered without one. */
  public static Optional<String> of(QueryRequest request) {
    return STATEMENTS.find(request);
  }

  /** Straight-line meters in the projected plane, as PostgreSQL's point distance. */
  static String distance(String end, GeoPoint point) {
    return "sqrt(pow("
        + end
        + "_x - "
        + number(point.x())
        + ", 2) + pow("
        + end
        + "_y - "
        + number(point.y())
        + ", 2))";
  }

  static String inBox(String end, BoundingBox box) {
    return String.format(
        " AND %1$s_x BETWEEN %2$s AND %3$s AND %1$s_y BETWEEN %4$s AND %5$s",
        end, number(box.minX()), number(box.maxX()), number(box.minY()), number(box.maxY()));
  }

  static String sources(Set<Source> sources) {
    if (sources.isEmpty() || sources.size() == Source.values().length) {
      return "";
    }
    return sources.stream()
        .map(s -> "'" + s.code() + "'")
        .collect(Collectors.joining(", ", " AND source IN (", ")"));
  }

  static String minPassengers(Integer min) {
    return min == null ? "" : " AND passengers >= " + min;
  }

  /** Trips picked up within {@code toleranceMinutes} of the time of day of {@code time}. */
  static String timeOfDay(LocalDateTime time, int toleranceMinutes) {
    int minuteOfDay = time.getHour() * 60 + time.getMinute();
    String offset = "abs(hour(pickup_ts) * 60 + minute(pickup_ts) - " + minuteOfDay + ")";
    // the time of day wraps at midnight: 23:50 is 20 minutes from 00:10
    return " AND least(" + offset + ", 1440 - " + offset + ") <= " + toleranceMinutes;
  }

  /** Weekend trips when {@code weekend}, weekday trips otherwise. */
  static String dayType(boolean weekend) {
    return " AND dayofweek(pickup_ts) " + (weekend ? "" : "NOT ") + "IN (1, 7)";
  }

  static String time(LocalDateTime t) {
    return "TIMESTAMP_NTZ '" + TIMESTAMP.format(t) + "'";
  }

  static String number(double d) {
    // a D suffix keeps the literal a double (a plain 1.5 would be a decimal)
    return "(" + d + "D)";
  }
}
