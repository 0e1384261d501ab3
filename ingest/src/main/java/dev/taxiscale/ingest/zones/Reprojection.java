package dev.taxiscale.ingest.zones;

import org.locationtech.jts.geom.Coordinate;

/** Turns a file's coordinates into WGS84 longitude (x) and latitude (y). */
@FunctionalInterface
interface Reprojection {
  Reprojection NONE = Coordinate::new;

  Coordinate apply(double x, double y);
}
