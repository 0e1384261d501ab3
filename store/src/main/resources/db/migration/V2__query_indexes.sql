-- Indexes for the four ride queries; docs/query-design.md has the plans and the measurements
-- behind each choice. All are btree: on 10M trips they build several times faster than GiST and
-- answer these queries as fast, because each query first narrows by time or by cell.

-- The 250 m square cell of a metric point, the key of the fare index. The Java twin is
-- dev.taxiscale.store.query.FareCells; both must agree.
CREATE FUNCTION fare_cell(p point) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (floor(p[0] / 250)::integer + 500) * 1000 + (floor(p[1] / 250)::integer + 500);

-- Ride search (count and page, in (pickup_ts, id) order) and heatmap: time range first, points
-- and filter columns carried so the count and the page's ids need no table access.
CREATE INDEX trips_pickup_ts_idx ON trips (pickup_ts, id)
  INCLUDE (pickup_xy, dropoff_xy, source, passengers);

-- Nearby cabs: the drop-offs of the last minutes, with everything the answer needs.
CREATE INDEX trips_dropoff_ts_idx ON trips (dropoff_ts)
  INCLUDE (dropoff_xy, id, source, passengers)
  WHERE dropoff_ts IS NOT NULL;

-- Fare estimate: trips between the cells around A and the cells around B, any date, with the
-- values the filters and percentiles read.
CREATE INDEX trips_fare_cells_idx ON trips (fare_cell(pickup_xy), fare_cell(dropoff_xy))
  INCLUDE (pickup_xy, dropoff_xy, pickup_ts, dropoff_ts, fare, source)
  WHERE fare IS NOT NULL AND dropoff_xy IS NOT NULL AND dropoff_ts IS NOT NULL;
