package dev.taxiscale.bench;

import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.core.query.ZoneRideSearchRequest;
import java.util.stream.Collectors;

/**
 * The Spark baseline's statements for the taxi zone queries, over the same {@value SparkSql#VIEW}
 * view: one scan with a grouping, an aggregate or a sort. The view has no zone names, so a zone
 * heatmap's borough filter is not applied there (the bench asks city-wide ones).
 */
final class SparkZoneSql {

  private SparkZoneSql() {}

  /** Trips, average fare, duration and speed per pickup zone and hour of day. */
  static String heatmap(ZoneHeatmapRequest r) {
    String zones =
        r.zones().isEmpty()
            ? ""
            : r.zones().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", ", " AND pickup_zone IN (", ")"));
    return "SELECT pickup_zone, hour(pickup_ts) AS hour, count(*) AS trips, avg(fare) AS fare,"
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
        + " GROUP BY pickup_zone, hour";
  }

  /** Fare and duration mean and percentiles of the trips between two zones. */
  static String fare(ZoneFareRequest r) {
    String timeOfDay = "";
    if (r.time() != null) {
      int minuteOfDay = r.time().getHour() * 60 + r.time().getMinute();
      String offset = "abs(hour(pickup_ts) * 60 + minute(pickup_ts) - " + minuteOfDay + ")";
      timeOfDay = " AND least(" + offset + ", 1440 - " + offset + ") <= " + r.toleranceMinutes();
      if (r.sameDayType()) {
        timeOfDay += " AND dayofweek(pickup_ts) " + (r.weekend() ? "" : "NOT ") + "IN (1, 7)";
      }
    }
    return "SELECT count(*) AS sample, avg(fare) AS mean, percentile_approx(fare, "
        + SparkSql.PERCENTILES
        + ") AS fares, percentile_approx("
        + SparkSql.DURATION_S
        + ", "
        + SparkSql.PERCENTILES
        + ") AS seconds FROM "
        + SparkSql.VIEW
        + " WHERE pickup_zone = "
        + r.fromZone()
        + " AND dropoff_zone = "
        + r.toZone()
        + " AND fare IS NOT NULL AND dropoff_ts IS NOT NULL"
        + timeOfDay
        + SparkSql.sources(r.sources());
  }

  /** The first page of trips from and/or to a zone, in pickup time order. */
  static String rides(ZoneRideSearchRequest r) {
    String zones =
        (r.pickupZone() == null ? "" : " AND pickup_zone = " + r.pickupZone())
            + (r.dropoffZone() == null ? "" : " AND dropoff_zone = " + r.dropoffZone());
    return "SELECT id FROM "
        + SparkSql.VIEW
        + " WHERE pickup_ts >= "
        + SparkSql.time(r.window().from())
        + " AND pickup_ts < "
        + SparkSql.time(r.window().to())
        + zones
        + SparkSql.sources(r.sources())
        + SparkSql.minPassengers(r.minPassengers())
        + " ORDER BY pickup_ts, id LIMIT "
        + r.pageSize();
  }
}
