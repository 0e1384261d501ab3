package dev.taxiscale.core.geo;

/** The NYC taxi service area as a lon/lat box: the five boroughs plus the airports and margin. */
public final class ServiceArea {
  /** West of Staten Island's western shore. */
  public static final double LON_WEST = -74.30;

  /** East of Queens' eastern edge and JFK. */
  public static final double LON_EAST = -73.65;

  /** South of Staten Island's southern tip. */
  public static final double LAT_SOUTH = 40.48;

  /** North of the Bronx's northern edge. */
  public static final double LAT_NORTH = 40.93;

  private ServiceArea() {}

  /** Whether a point lies inside the service area box. */
  public static boolean contains(double lon, double lat) {
    return lon >= LON_WEST && lon <= LON_EAST && lat >= LAT_SOUTH && lat <= LAT_NORTH;
  }
}
