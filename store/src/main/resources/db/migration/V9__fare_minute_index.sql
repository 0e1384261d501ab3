-- The fare estimate reads every trip between the cells around both ends, whatever its time of
-- day, and keeps only those within the tolerance (an hour either side by default: a twelfth of
-- them). With the minute of day as the index's third key it reads only the trips of that part of
-- the day: about eight times fewer rows, two to three times faster at the usual 500-800 m radii.
DROP INDEX trips_fare_cells_idx;

CREATE INDEX trips_fare_idx
  ON trips (trip_cell(pickup_xy), trip_cell(dropoff_xy), trip_minute_of_day(pickup_ts))
  INCLUDE (pickup_xy, dropoff_xy, pickup_ts, dropoff_ts, fare, source)
  WHERE fare IS NOT NULL AND dropoff_xy IS NOT NULL AND dropoff_ts IS NOT NULL;
