-- The trips table and the ingest registry. Query indexes come in later migrations; the loader
-- drops and rebuilds secondary indexes around bulk loads into an empty table, reading their
-- definitions from pg_indexes, so they are declared only in migrations.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE ingest_files (
  file_id      serial PRIMARY KEY,
  name         text        NOT NULL,
  -- size plus hashes of the first and last blocks: the same bytes get the same id on reload
  fingerprint  text        NOT NULL UNIQUE,
  format       text        NOT NULL,
  engine       text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('loading', 'done')),
  rows_in      bigint      NOT NULL DEFAULT 0,
  kept         bigint      NOT NULL DEFAULT 0,
  rejected     bigint      NOT NULL DEFAULT 0,
  rejects      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);

CREATE TABLE trips (
  -- file_id * 2^32 + physical line number: stable across reloads and engines
  id           bigint           NOT NULL,
  file_id      integer          NOT NULL,
  source       text             NOT NULL CHECK (source IN ('yellow', 'green', 'fhv')),
  vendor       text,
  pickup_ts    timestamp        NOT NULL,
  dropoff_ts   timestamp,
  pickup_lon   double precision NOT NULL,
  pickup_lat   double precision NOT NULL,
  dropoff_lon  double precision,
  dropoff_lat  double precision,
  -- metric coordinates (meters east/north of a NYC origin) so that <-> distances are meters
  pickup_xy    point            NOT NULL,
  dropoff_xy   point,
  passengers   smallint,
  distance_mi  real,
  fare         real,
  total        real,
  payment      text,
  rate_code    smallint,
  CONSTRAINT trips_pkey PRIMARY KEY (id)
);
