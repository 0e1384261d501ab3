package dev.taxiscale.core.geo;

/**
 * Equirectangular projection to meters around a NYC origin.
 *
 * <p>Across the service area the cosine of latitude varies by under 0.4% from its value at the
 * origin, so planar distances stay within 0.5% of haversine; that lets PostgreSQL's {@code <->}
 * operator and its indexes work in meters.
 */
public final class Projection {
  /** Mean Earth radius in meters (IUGG). */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  /** Origin near Herald Square, the middle of the service area. */
  public static final double ORIGIN_LON = -73.98;

  public static final double ORIGIN_LAT = 40.70;

  private static final double METERS_PER_DEGREE_LAT = Math.toRadians(1) * EARTH_RADIUS_M;
  private static final double METERS_PER_DEGREE_LON =
      METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(ORIGIN_LAT));

  private Projection() {}

  /** Meters east of the origin. */
  public static double x(double lon) {
    return (lon - ORIGIN_LON) * METERS_PER_DEGREE_LON;
  }

  /** Meters north of the origin. */
  public static double y(double lat) {
    return (lat - ORIGIN_LAT) * METERS_PER_DEGREE_LAT;
  }

  /** Longitude of a point {@code x} meters east of the origin. */
  public static double lon(double x) {
    return ORIGIN_LON + x / METERS_PER_DEGREE_LON;
  }

  /** Latitude of a point {@code y} meters north of the origin. */
  public static double lat(double y) {
    return ORIGIN_LAT + y / METERS_PER_DEGREE_LAT;
  }

  /** Great-circle distance in meters, the reference the projection is checked against. */
  public static double haversineMeters(double lon1, double lat1, double lon2, double lat2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
