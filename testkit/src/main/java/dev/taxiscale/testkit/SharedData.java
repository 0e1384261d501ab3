package dev.taxiscale.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The genuine sample files in {@code ../shared/data} beside the checkout. A test that needs one
 * fails when it is missing, rather than passing without having looked.
 */
public final class SharedData {
  /** From a module's folder, where tests run: the checkout's sibling {@code shared/data}. */
  private static final Path ROOT = Path.of("..", "..", "shared", "data");

  public static final String ZONE_SHAPEFILE = "taxi-zones/taxi_zones.shp";
  public static final String ZONE_GEOJSON = "taxi-zones/taxi_zones.geojson";
  public static final String ZONE_LOOKUP = "taxi_zone_lookup.csv";
  public static final String GREEN_2024_01 = "tlc-parquet/green_tripdata_2024-01.parquet";

  private SharedData() {}

  /**
   * The genuine file at {@code relative}.
   *
   * @throws IllegalStateException when it is not there
   */
  public static Path require(String relative) {
    Path path = ROOT.resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "genuine sample " + path.toAbsolutePath().normalize() + " is missing (../shared/data)");
    }
    return path;
  }
}
