-- The TLC taxi zones, and trips published by zone instead of coordinates.
-- PostGIS is not available everywhere this runs (the embedded server has no such extension), so a
-- zone's shape is stored as WKB and tested in Java (JTS); its box makes "which zones might hold
-- this point" a plain range lookup.

CREATE TABLE taxi_zones (
  location_id   smallint         PRIMARY KEY,
  borough       text             NOT NULL,
  zone          text             NOT NULL,
  service_zone  text             NOT NULL,
  -- polygon or multipolygon, WGS84 lon/lat, as WKB; null for "Unknown" and "Outside of NYC"
  shape_wkb     bytea,
  -- the number of polygons the zone consists of (56 and 103 have several)
  polygons      smallint         NOT NULL DEFAULT 0,
  centroid_lon  double precision,
  centroid_lat  double precision,
  area_m2       double precision NOT NULL DEFAULT 0,
  min_lon       double precision,
  min_lat       double precision,
  max_lon       double precision,
  max_lat       double precision,
  source        text             NOT NULL
);

CREATE INDEX taxi_zones_box ON taxi_zones (min_lon, max_lon, min_lat, max_lat);

-- A zone-level trip keeps its zone ids; its coordinates are a point placed inside the zone from
-- its id, so "precision" says how far to trust them.
ALTER TABLE trips
  ADD COLUMN pickup_zone  smallint,
  ADD COLUMN dropoff_zone smallint,
  ADD COLUMN precision    text NOT NULL DEFAULT 'point' CHECK (precision IN ('point', 'zone'));

-- Which answers hold zone-level positions: empty, and so free to ask, while no trip is zone-level.
CREATE INDEX trips_zone_level ON trips (pickup_ts) INCLUDE (pickup_zone, pickup_xy)
  WHERE precision = 'zone';
