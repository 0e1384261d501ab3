-- The taxi zone queries: the zone heatmap reads hourly sums per pickup zone (a city-wide day is a
-- few thousand rows, not millions of trips), the zone-to-zone fare and the ride search by zone
-- read partial indexes that hold zone-level trips only, so point trips cost them nothing.

-- Minute of the day a pickup falls in, 0..1439, wall-clock time.
CREATE FUNCTION trip_minute_of_day(ts timestamp) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (date_part('hour', ts) * 60 + date_part('minute', ts))::integer;

-- Per file, pickup zone, hour and source: the same exact integer sums as trip_hours. Written after
-- each load of a file that has zone-level trips (dev.taxiscale.store.ZoneHours), deleted with the
-- file's trips, so reloads and --force keep it equal to what the trips give.
CREATE TABLE zone_hours (
  file_id          integer  NOT NULL,
  pickup_zone      smallint NOT NULL,
  hour             integer  NOT NULL,
  source           text     NOT NULL,
  trips            bigint   NOT NULL,
  fare_cents       bigint   NOT NULL,
  fares            bigint   NOT NULL,
  seconds          bigint   NOT NULL,
  timed            bigint   NOT NULL,
  miles_hundredths bigint   NOT NULL,
  miles_seconds    bigint   NOT NULL
);

-- Zone-level trips loaded before this migration get their sums now.
INSERT INTO zone_hours
SELECT file_id, pickup_zone, trip_hour(pickup_ts), source,
  count(*),
  coalesce(sum(trip_hundredths(fare)), 0)::bigint,
  count(fare),
  coalesce(sum(trip_seconds(pickup_ts, dropoff_ts)), 0)::bigint,
  count(dropoff_ts),
  coalesce(sum(trip_hundredths(distance_mi)) FILTER (WHERE dropoff_ts IS NOT NULL), 0)::bigint,
  coalesce(sum(trip_seconds(pickup_ts, dropoff_ts)) FILTER (WHERE distance_mi IS NOT NULL), 0)::bigint
FROM trips
WHERE pickup_zone IS NOT NULL
GROUP BY 1, 2, 3, 4
ORDER BY 1, 3, 2, 4;

-- A window's hours are one range scan, index-only.
CREATE INDEX zone_hours_hour_zone_idx ON zone_hours (hour, pickup_zone)
  INCLUDE (source, trips, fare_cents, fares, seconds, timed, miles_hundredths, miles_seconds);

CREATE INDEX zone_hours_file_idx ON zone_hours USING brin (file_id);

-- Zone-to-zone fare: the trips between two zones, by time of day, with what the filters and the
-- percentiles read.
CREATE INDEX trips_zone_pair_idx ON trips (pickup_zone, dropoff_zone, trip_minute_of_day(pickup_ts))
  INCLUDE (pickup_ts, dropoff_ts, fare, source)
  WHERE pickup_zone IS NOT NULL AND dropoff_zone IS NOT NULL AND fare IS NOT NULL
    AND dropoff_ts IS NOT NULL;

-- Ride search by pickup zone, or by drop-off zone alone: a zone's pickups in time order.
CREATE INDEX trips_pickup_zone_idx ON trips (pickup_zone, pickup_ts, id)
  INCLUDE (dropoff_zone, source, passengers)
  WHERE pickup_zone IS NOT NULL;

CREATE INDEX trips_dropoff_zone_idx ON trips (dropoff_zone, pickup_ts, id)
  INCLUDE (source, passengers)
  WHERE dropoff_zone IS NOT NULL;
