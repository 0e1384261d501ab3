-- Indexes for the four ride queries; docs/query-design.md has the plans and measurements behind
-- each choice. All are btree keyed by a 250 m square cell first: with a month of yellow cabs
-- (about 15k trips an hour) a time-first index makes every query read the whole city's trips of
-- its window, while a cell-first one reads only the trips near the asked place.

-- The 250 m square cell of a metric point. The Java twin is dev.taxiscale.store.query.TripCells;
-- both must agree.
CREATE FUNCTION trip_cell(p point) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (floor(p[0] / 250)::integer + 500) * 1000 + (floor(p[1] / 250)::integer + 500);

-- Ride search by pickup box (count and page) and heatmap: the cells covering the box, each a
-- pickup time range; carries what the filters and the heatmap sums read, so no table access.
CREATE INDEX trips_pickup_cell_idx ON trips (trip_cell(pickup_xy), pickup_ts)
  INCLUDE (pickup_xy, id, source, passengers, dropoff_ts, fare, distance_mi);

-- Nearby cabs (the drop-offs of the last minutes in the cells around the rider) and ride search
-- by drop-off box alone.
CREATE INDEX trips_dropoff_cell_idx ON trips (trip_cell(dropoff_xy), dropoff_ts)
  INCLUDE (dropoff_xy, id, source, passengers, pickup_ts)
  WHERE dropoff_ts IS NOT NULL;

-- Fare estimate: trips from the cells around A to the cells around B, any date, with the values
-- the filters and percentiles read.
CREATE INDEX trips_fare_cells_idx ON trips (trip_cell(pickup_xy), trip_cell(dropoff_xy))
  INCLUDE (pickup_xy, dropoff_xy, pickup_ts, dropoff_ts, fare, source)
  WHERE fare IS NOT NULL AND dropoff_xy IS NOT NULL AND dropoff_ts IS NOT NULL;

-- These queries are short; where the server has JIT (the embedded one has not), compiling them
-- costs more than running them. Servers where the migrating role may not alter the database keep
-- their setting.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'jit left as configured: %', SQLERRM;
END
$$;
