package dev.taxiscale.ingest.zones;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Reads a shapefile's {@code .prj} (ESRI WKT) and builds the proj4j transform to WGS84. The TLC's
 * zones are in NAD83 / New York Long Island State Plane, US feet (EPSG:2263), a Lambert conformal
 * conic; a geographic {@code .prj} (already degrees) needs no transform. Other projections are
 * refused by name rather than guessed.
 */
final class EsriProjection {
  private static final Pattern PARAMETER =
      Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-0-9.eE]+)\\]");
  private static final Pattern UNIT = Pattern.compile("UNIT\\[\"([^\"]+)\",\\s*([-0-9.eE]+)\\]");
  private static final Pattern PROJECTION = Pattern.compile("PROJECTION\\[\"([^\"]+)\"\\]");
  private static final Pattern SPHEROID =
      Pattern.compile("SPHEROID\\[\"[^\"]*\",\\s*([-0-9.eE]+),\\s*([-0-9.eE]+)\\]");
  private static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

  private EsriProjection() {}

  /** The transform the {@code .prj} text describes. */
  static Reprojection toWgs84(String wkt, String name) throws IOException {
    String text = wkt.trim();
    if (text.startsWith("GEOGCS")) {
      return Reprojection.NONE;
    }
    if (!text.startsWith("PROJCS")) {
      throw new IOException(name + ": not a projection definition (ESRI WKT)");
    }
    Matcher projection = PROJECTION.matcher(text);
    if (!projection.find() || !projection.group(1).equalsIgnoreCase("Lambert_Conformal_Conic")) {
      throw new IOException(
          name
              + ": unsupported projection "
              + (projection.find(0) ? projection.group(1) : "(none)")
              + "; expected Lambert_Conformal_Conic (NY State Plane, EPSG:2263)");
    }
    return transform(proj4(text, name));
  }

  /** The proj4 parameters of a Lambert conformal conic; false origins are in the linear unit. */
  private static String proj4(String text, String name) throws IOException {
    Map<String, Double> parameters = new HashMap<>();
    Matcher parameter = PARAMETER.matcher(text);
    while (parameter.find()) {
      parameters.put(
          parameter.group(1).toLowerCase(Locale.ROOT), Double.parseDouble(parameter.group(2)));
    }
    double toMeter = linearUnit(text);
    Matcher spheroid = SPHEROID.matcher(text);
    if (!spheroid.find()) {
      throw new IOException(name + ": no SPHEROID in the projection definition");
    }
    // proj4j reads the GRS80 ellipsoid and the US survey foot by name more reliably than by number
    String ellipsoid =
        spheroid.group(2).startsWith("298.257222")
            ? "+ellps=GRS80"
            : "+a=" + spheroid.group(1) + " +rf=" + spheroid.group(2);
    String units =
        Math.abs(toMeter - 0.3048006096012192) < 1e-12 ? "+units=us-ft" : "+to_meter=" + toMeter;
    return String.format(
        Locale.ROOT,
        "+proj=lcc +lat_1=%s +lat_2=%s +lat_0=%s +lon_0=%s +x_0=%s +y_0=%s %s +towgs84=0,0,0 %s"
            + " +no_defs",
        required(parameters, "standard_parallel_1", name),
        required(parameters, "standard_parallel_2", name),
        required(parameters, "latitude_of_origin", name),
        required(parameters, "central_meridian", name),
        required(parameters, "false_easting", name) * toMeter,
        required(parameters, "false_northing", name) * toMeter,
        ellipsoid,
        units);
  }

  /** The last UNIT of a PROJCS is its linear unit (the first is the angular unit of its GEOGCS). */
  private static double linearUnit(String text) {
    Matcher unit = UNIT.matcher(text);
    double toMeter = 1;
    while (unit.find()) {
      toMeter = Double.parseDouble(unit.group(2));
    }
    return toMeter;
  }

  private static double required(Map<String, Double> parameters, String key, String name)
      throws IOException {
    Double value = parameters.get(key);
    if (value == null) {
      throw new IOException(name + ": projection parameter " + key + " is missing");
    }
    return value;
  }

  private static Reprojection transform(String proj4) {
    CRSFactory crs = new CRSFactory();
    CoordinateReferenceSystem source = crs.createFromParameters("shapefile", proj4);
    CoordinateReferenceSystem target = crs.createFromParameters("WGS84", WGS84);
    CoordinateTransform transform =
        new CoordinateTransformFactory().createTransform(source, target);
    return (x, y) -> {
      ProjCoordinate out = transform.transform(new ProjCoordinate(x, y), new ProjCoordinate());
      return new Coordinate(out.x, out.y);
    };
  }
}
