package dev.taxiscale.core.generate;

import java.util.List;

/**
 * A place where trips start or end, drawn as a Gaussian around its center.
 *
 * @param sigmaMeters how far trips spread around the center (one standard deviation)
 * @param weight the relative share of trips
 * @param manhattan whether JFK trips to or from here pay the flat fare
 */
record Hotspot(
    String name, double lon, double lat, double sigmaMeters, double weight, boolean manhattan) {

  Hotspot {
    if (sigmaMeters <= 0 || weight <= 0) {
      throw new IllegalArgumentException(name + ": sigma and weight must be positive");
    }
  }

  static final Hotspot MIDTOWN = new Hotspot("Midtown", -73.9855, 40.7580, 700, 22, true);
  static final Hotspot PENN_STATION = new Hotspot("Penn Station", -73.9935, 40.7506, 300, 8, true);
  static final Hotspot GRAND_CENTRAL =
      new Hotspot("Grand Central", -73.9772, 40.7527, 300, 7, true);
  static final Hotspot FIDI = new Hotspot("Lower Manhattan/FiDi", -74.0090, 40.7075, 600, 9, true);
  static final Hotspot CHELSEA = new Hotspot("Chelsea", -74.0005, 40.7440, 700, 9, true);
  static final Hotspot EAST_VILLAGE = new Hotspot("East Village", -73.9850, 40.7265, 700, 9, true);
  static final Hotspot UPPER_EAST_SIDE =
      new Hotspot("Upper East Side", -73.9590, 40.7736, 900, 10, true);
  static final Hotspot UPPER_WEST_SIDE =
      new Hotspot("Upper West Side", -73.9754, 40.7870, 900, 8, true);
  static final Hotspot JFK = new Hotspot("JFK", -73.7781, 40.6413, 500, 3, false);
  static final Hotspot LAGUARDIA = new Hotspot("LaGuardia", -73.8740, 40.7769, 300, 3, false);
  static final Hotspot WILLIAMSBURG = new Hotspot("Williamsburg", -73.9571, 40.7081, 900, 4, false);
  static final Hotspot DOWNTOWN_BROOKLYN =
      new Hotspot("Downtown Brooklyn", -73.9903, 40.6928, 800, 3, false);
  static final Hotspot HARLEM = new Hotspot("Harlem", -73.9465, 40.8116, 900, 3, true);
  static final Hotspot ASTORIA = new Hotspot("Astoria", -73.9235, 40.7644, 900, 2, false);
  static final Hotspot JACKSON_HEIGHTS =
      new Hotspot("Jackson Heights", -73.8830, 40.7557, 900, 2, false);
  static final Hotspot FORDHAM = new Hotspot("Fordham", -73.8981, 40.8614, 1000, 2, false);
  static final Hotspot BUSHWICK = new Hotspot("Bushwick", -73.9214, 40.6944, 900, 2, false);
  static final Hotspot FLUSHING = new Hotspot("Flushing", -73.8303, 40.7580, 900, 1, false);

  /** Yellow cabs and Uber: mostly Manhattan below 96th Street, plus the airports. */
  static final List<Hotspot> CITY =
      List.of(
          MIDTOWN,
          PENN_STATION,
          GRAND_CENTRAL,
          FIDI,
          CHELSEA,
          EAST_VILLAGE,
          UPPER_EAST_SIDE,
          UPPER_WEST_SIDE,
          JFK,
          LAGUARDIA,
          WILLIAMSBURG,
          DOWNTOWN_BROOKLYN,
          HARLEM,
          ASTORIA);

  /** Green boro taxis may not pick up in Manhattan below 110th Street or at the airports. */
  static final List<Hotspot> BOROUGHS =
      List.of(
          HARLEM.reweighted(6),
          WILLIAMSBURG.reweighted(6),
          DOWNTOWN_BROOKLYN.reweighted(4),
          ASTORIA.reweighted(4),
          JACKSON_HEIGHTS.reweighted(4),
          FORDHAM.reweighted(3),
          BUSHWICK.reweighted(3),
          FLUSHING.reweighted(2));

  Hotspot reweighted(double newWeight) {
    return new Hotspot(name, lon, lat, sigmaMeters, newWeight, manhattan);
  }

  static double[] cumulativeWeights(List<Hotspot> spots) {
    return Rng.cumulative(spots.stream().mapToDouble(Hotspot::weight).toArray());
  }
}
