package dev.taxiscale.core.geo;

import dev.taxiscale.core.query.GeoPoint;

/**
 * A named place in and around NYC: the one home of the coordinates that the trip generator, the
 * benchmark workload and the test fixtures place rides at.
 */
public record Landmark(String name, double lon, double lat) {
  public static final Landmark TIMES_SQUARE = new Landmark("Times Square", -73.9855, 40.7580);
  public static final Landmark PENN_STATION = new Landmark("Penn Station", -73.9935, 40.7506);
  public static final Landmark GRAND_CENTRAL = new Landmark("Grand Central", -73.9772, 40.7527);
  public static final Landmark UNION_SQUARE = new Landmark("Union Square", -73.9903, 40.7359);
  public static final Landmark WALL_STREET = new Landmark("Wall Street", -74.0090, 40.7075);
  public static final Landmark CHELSEA = new Landmark("Chelsea", -74.0005, 40.7440);
  public static final Landmark EAST_VILLAGE = new Landmark("East Village", -73.9850, 40.7265);
  public static final Landmark UPPER_EAST_SIDE = new Landmark("Upper East Side", -73.9590, 40.7736);
  public static final Landmark UPPER_WEST_SIDE = new Landmark("Upper West Side", -73.9754, 40.7870);
  public static final Landmark HARLEM = new Landmark("Harlem", -73.9465, 40.8116);

  public static final Landmark JFK = new Landmark("JFK", -73.7781, 40.6413);
  public static final Landmark JFK_TERMINAL_4 =
      new Landmark("JFK Terminal 4", -73.782224, 40.644166);
  public static final Landmark LAGUARDIA = new Landmark("LaGuardia", -73.8740, 40.7769);

  public static final Landmark WILLIAMSBURG = new Landmark("Williamsburg", -73.9571, 40.7081);
  public static final Landmark DOWNTOWN_BROOKLYN =
      new Landmark("Downtown Brooklyn", -73.9903, 40.6928);
  public static final Landmark BUSHWICK = new Landmark("Bushwick", -73.9214, 40.6944);
  public static final Landmark ASTORIA = new Landmark("Astoria", -73.9235, 40.7644);
  public static final Landmark JACKSON_HEIGHTS = new Landmark("Jackson Heights", -73.8830, 40.7557);
  public static final Landmark FLUSHING = new Landmark("Flushing", -73.8303, 40.7580);
  public static final Landmark FORDHAM = new Landmark("Fordham", -73.8981, 40.8614);
  public static final Landmark YANKEE_STADIUM =
      new Landmark("Yankee Stadium", -73.926175, 40.829643);
  public static final Landmark STATEN_ISLAND = new Landmark("Staten Island", -74.1502, 40.5795);

  /** Where a meter without a GPS fix says it is. */
  public static final Landmark NULL_ISLAND = new Landmark("Null Island", 0, 0);

  /** Well outside the service area. */
  public static final Landmark PHILADELPHIA = new Landmark("Philadelphia", -75.1636, 39.9526);

  /**
   * This place as a query position.
   *
   * @throws dev.taxiscale.core.query.ValidationException when it lies outside the service area
   */
  public GeoPoint point() {
    return new GeoPoint(lon, lat);
  }
}
