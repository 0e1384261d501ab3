-- What the high-volume for-hire files (Uber, Lyft, Via, Juno) record beyond the common fields.
-- Nullable columns on trips rather than a side table: other sources leave them null, which costs
-- a row at most a null bitmap (nothing when it already has a null), the query indexes carry none of
-- them, and a load writes one COPY per file, not two. docs/runbook.md ("High-volume for-hire
-- fields") has the measurements behind the choice.
-- Adding a nullable column without a default rewrites nothing, whatever the table holds.
ALTER TABLE trips
  ADD COLUMN tips           real,
  ADD COLUMN driver_pay     real,
  -- NYC wall-clock times, as pickup_ts
  ADD COLUMN request_ts     timestamp,
  ADD COLUMN on_scene_ts    timestamp,
  ADD COLUMN shared_request boolean,
  ADD COLUMN shared_match   boolean,
  ADD COLUMN access_a_ride  boolean,
  ADD COLUMN wav_request    boolean,
  ADD COLUMN wav_match      boolean;
