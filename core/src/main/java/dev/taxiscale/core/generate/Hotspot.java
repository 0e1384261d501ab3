package dev.taxiscale.core.generate;

import dev.taxiscale.core.geo.Landmark;
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

  static final Hotspot MIDTOWN = around(Landmark.TIMES_SQUARE, "Midtown", 700, 22, true);
  static final Hotspot PENN_STATION = around(Landmark.PENN_STATION, "Penn Station", 300, 8, true);
  static final Hotspot GRAND_CENTRAL =
      around(Landmark.GRAND_CENTRAL, "Grand Central", 300, 7, true);
  static final Hotspot FIDI = around(Landmark.WALL_STREET, "Lower Manhattan/FiDi", 600, 9, true);
  static final Hotspot CHELSEA = around(Landmark.CHELSEA, "Chelsea", 700, 9, true);
  static final Hotspot EAST_VILLAGE = around(Landmark.EAST_VILLAGE, "East Village", 700, 9, true);
  static final Hotspot UPPER_EAST_SIDE =
      around(Landmark.UPPER_EAST_SIDE, "Upper East Side", 900, 10, true);
  static final Hotspot UPPER_WEST_SIDE =
      around(Landmark.UPPER_WEST_SIDE, "Upper West Side", 900, 8, true);
  static final Hotspot JFK = around(Landmark.JFK, "JFK", 500, 3, false);
  static final Hotspot LAGUARDIA = around(Landmark.LAGUARDIA, "LaGuardia", 300, 3, false);
  static final Hotspot WILLIAMSBURG = around(Landmark.WILLIAMSBURG, "Williamsburg", 900, 4, false);
  static final Hotspot DOWNTOWN_BROOKLYN =
      around(Landmark.DOWNTOWN_BROOKLYN, "Downtown Brooklyn", 800, 3, false);
  static final Hotspot HARLEM = around(Landmark.HARLEM, "Harlem", 900, 3, true);
  static final Hotspot ASTORIA = around(Landmark.ASTORIA, "Astoria", 900, 2, false);
  static final Hotspot JACKSON_HEIGHTS =
      around(Landmark.JACKSON_HEIGHTS, "Jackson Heights", 900, 2, false);
  static final Hotspot FORDHAM = around(Landmark.FORDHAM, "Fordham", 1000, 2, false);
  static final Hotspot BUSHWICK = around(Landmark.BUSHWICK, "Bushwick", 900, 2, false);
  static final Hotspot FLUSHING = around(Landmark.FLUSHING, "Flushing", 900, 1, false);

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

  /** An area named {@code name} (a neighborhood, wider than its landmark) around {@code center}. */
  private static Hotspot around(
      Landmark center, String name, double sigmaMeters, double weight, boolean manhattan) {
    return new Hotspot(name, center.lon(), center.lat(), sigmaMeters, weight, manhattan);
  }

  Hotspot reweighted(double newWeight) {
    return new Hotspot(name, lon, lat, sigmaMeters, newWeight, manhattan);
  }

  static double[] cumulativeWeights(List<Hotspot> spots) {
    return Rng.cumulative(spots.stream().mapToDouble(Hotspot::weight).toArray());
  }
}
