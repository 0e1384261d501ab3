-- Hourly sums of trips per 125 m pickup square, source and file: the heatmap reads whole hours of
-- whole squares here instead of every trip (docs/query-design.md, "Heatmap"). Every value is an
-- exact integer, so the Java aggregator of the local engine, this SQL and any summation order
-- give identical rows. The Java twins are in dev.taxiscale.store.TripHours; both must agree.

-- The column (east) or row (north) of the 125 m square holding a metric coordinate: half a
-- trip_cell, so each 250 m cell holds exactly two by two squares.
CREATE FUNCTION trip_square(v double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(v / 125)::integer;

-- Hours since 1970-01-01T00:00 wall-clock time, the hour a pickup falls in.
CREATE FUNCTION trip_hour(ts timestamp) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(date_part('epoch', ts) / 3600)::integer;

-- A real amount in hundredths (fares in cents, distances in hundredths of a mile), as a double so
-- that sums stay on the fast float path; integers are exact in a double up to 2^53.
CREATE FUNCTION trip_hundredths(v real) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(v::double precision * 100 + 0.5);

-- Whole seconds from pickup to drop-off; null without a drop-off.
CREATE FUNCTION trip_seconds(pickup timestamp, dropoff timestamp) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(date_part('epoch', dropoff)) - floor(date_part('epoch', pickup));

CREATE TABLE trip_hours (
  file_id          integer NOT NULL,
  square_x         integer NOT NULL,
  square_y         integer NOT NULL,
  hour             integer NOT NULL,
  source           text    NOT NULL,
  trips            bigint  NOT NULL,
  -- fare sums over the trips with a fare, in cents
  fare_cents       bigint  NOT NULL,
  fares            bigint  NOT NULL,
  -- duration sums over the trips with a drop-off
  seconds          bigint  NOT NULL,
  timed            bigint  NOT NULL,
  -- distance and duration sums over the trips with both, for the average speed
  miles_hundredths bigint  NOT NULL,
  miles_seconds    bigint  NOT NULL
);

-- Trips loaded before this migration get their sums now, before the indexes: building them
-- afterwards is faster and packs them tighter than inserting into them row by row.
INSERT INTO trip_hours
SELECT file_id, trip_square(pickup_xy[0]), trip_square(pickup_xy[1]), trip_hour(pickup_ts), source,
  count(*),
  coalesce(sum(trip_hundredths(fare)), 0)::bigint,
  count(fare),
  coalesce(sum(trip_seconds(pickup_ts, dropoff_ts)), 0)::bigint,
  count(dropoff_ts),
  coalesce(sum(trip_hundredths(distance_mi)) FILTER (WHERE dropoff_ts IS NOT NULL), 0)::bigint,
  coalesce(sum(trip_seconds(pickup_ts, dropoff_ts)) FILTER (WHERE distance_mi IS NOT NULL), 0)::bigint
FROM trips
GROUP BY 1, 2, 3, 4, 5
-- each file's rows together, as loads write them, for the BRIN index on file_id
ORDER BY 1, 4, 2, 3, 5;

-- Hours first: a city-wide hour is a few thousand rows, so a map view's hours and squares are a
-- few range scans, index-only.
CREATE INDEX trip_hours_hour_square_idx ON trip_hours (hour, square_x, square_y)
  INCLUDE (source, trips, fare_cents, fares, seconds, timed, miles_hundredths, miles_seconds);

-- Reloading a file deletes its rows; each file's rows are written at once, so they sit in a few
-- block ranges and a BRIN index finds them at almost no cost to the load.
CREATE INDEX trip_hours_file_idx ON trip_hours USING brin (file_id);
