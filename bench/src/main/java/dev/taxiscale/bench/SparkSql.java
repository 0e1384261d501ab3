package dev.taxiscale.bench;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.RideSearchRequest;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Spark SQL statement per request over the {@value #VIEW} view, answering what the engine
 * answers: a filter plus an order and limit, or an aggregate.
 *
 * <p>Heatmap cells are squares of the H3 cell's average area rather than hexagons; rides answer the
 * first page (a cursor is not followed). Both keep the work of the original job: one scan, one
 * grouping or sort.
 */
final class SparkSql {
  static final String VIEW = "trips";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  static final String PERCENTILES = "array(0.1D, 0.5D, 0.9D)";
  static final String DURATION_S = "timestampdiff(SECOND, pickup_ts, dropoff_ts)";

  private SparkSql() {}

  /** The statement answering {@code request}; empty for a type declared without one. */
  static Optional<String> of(QueryRequest request) {
    return BY_TYPE.find(request);
  }

  /** Each query type to its statement, or an explicit {@code without(type)}. */
  static final ByType<String> BY_TYPE =
      new ByType<String>("the Spark baseline")
          .on(NearbyCabsRequest.class, SparkSql::nearby)
          .on(RideSearchRequest.class, SparkSql::rides)
          .on(HeatmapRequest.class, SparkSql::heatmap)
          .on(FareEstimateRequest.class, SparkSql::fare)
          .on(ZoneHeatmapRequest.class, SparkZoneSql::heatmap)
          .on(ZoneFareRequest.class, SparkZoneSql::fare)
          .on(ZoneRideSearchRequest.class, SparkZoneSql::rides)
          .complete();

  /** Drop-offs in the window near the point, nearest first (ties by id), at most k. */
  static String nearby(NearbyCabsRequest r) {
    double radius = r.radiusMeters() != null ? r.radiusMeters() : NearbyCabsRequest.MAX_RADIUS_M;
    String meters = distance("dropoff", r.point());
    return "SELECT id, "
        + meters
        + " AS meters FROM "
        + VIEW
        + " WHERE dropoff_ts > "
        + time(r.windowStart())
        + " AND dropoff_ts <= "
        + time(r.time())
        + " AND "
        + meters
        + " <= "
        + number(radius)
        + sources(r.sources())
        + minPassengers(r.minPassengers())
        + " ORDER BY meters, id LIMIT "
        + r.k();
  }

  /** The count of matching rides beside each row of the first page, in (pickup time, id) order. */
  static String rides(RideSearchRequest r) {
    return "SELECT id, pickup_ts, count(*) OVER () AS matched FROM "
        + VIEW
        + " WHERE pickup_ts >= "
        + time(r.window().from())
        + " AND pickup_ts < "
        + time(r.window().to())
        + (r.pickupBox() == null ? "" : inBox("pickup", r.pickupBox()))
        + (r.dropoffBox() == null ? "" : inBox("dropoff", r.dropoffBox()))
        + sources(r.sources())
        + minPassengers(r.minPassengers())
        + " ORDER BY pickup_ts, id LIMIT "
        + r.pageSize();
  }

  /** Trips, average fare, duration and speed per grid cell and hour of pickup. */
  static String heatmap(HeatmapRequest r) {
    String side = number(Math.sqrt(HeatmapRequest.cellAreaM2(r.resolution())));
    return "SELECT floor(pickup_x / "
        + side
        + ") AS cx, floor(pickup_y / "
        + side
        + ") AS cy, date_trunc('HOUR', pickup_ts) AS hour, count(*) AS trips, avg(fare) AS fare,"
        + " avg("
        + DURATION_S
        + ") AS seconds, avg(try_divide(distance_mi * 1609.344D, "
        + DURATION_S
        + ")) AS speed FROM "
        + VIEW
        + " WHERE pickup_ts >= "
        + time(r.window().from())
        + " AND pickup_ts < "
        + time(r.window().to())
        + inBox("pickup", r.box())
        + sources(r.sources())
        + " GROUP BY cx, cy, hour";
  }

  /** Fare and duration percentiles of trips between the two ends near the time of day. */
  static String fare(FareEstimateRequest r) {
    int minuteOfDay = r.time().getHour() * 60 + r.time().getMinute();
    String offset = "abs(hour(pickup_ts) * 60 + minute(pickup_ts) - " + minuteOfDay + ")";
    String dayType =
        !r.sameDayType()
            ? ""
            : " AND dayofweek(pickup_ts) " + (r.weekend() ? "" : "NOT ") + "IN (1, 7)";
    return "SELECT count(*) AS sample, percentile_approx(fare, "
        + PERCENTILES
        + ") AS fares, percentile_approx("
        + DURATION_S
        + ", "
        + PERCENTILES
        + ") AS seconds FROM "
        + VIEW
        + " WHERE "
        + distance("pickup", r.from())
        + " <= "
        + number(r.radius())
        + " AND "
        + distance("dropoff", r.to())
        + " <= "
        + number(r.radius())
        // the time of day wraps at midnight: 23:50 is 20 minutes from 00:10
        + " AND least("
        + offset
        + ", 1440 - "
        + offset
        + ") <= "
        + r.toleranceMinutes()
        + dayType
        + sources(r.sources());
  }

  /** Straight-line meters in the projected plane, as PostgreSQL's point distance. */
  private static String distance(String end, GeoPoint point) {
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

  private static String inBox(String end, BoundingBox box) {
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

  static String time(LocalDateTime t) {
    return "TIMESTAMP_NTZ '" + TIMESTAMP.format(t) + "'";
  }

  private static String number(double d) {
    // a D suffix keeps the literal a double (a plain 1.5 would be a decimal)
    return "(" + d + "D)";
  }
}
