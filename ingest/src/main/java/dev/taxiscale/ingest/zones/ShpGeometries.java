package dev.taxiscale.ingest.zones;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The polygons of a {@code .shp} file, reprojected to WGS84 as they are read, one per record (null
 * for a null shape). Rings wound clockwise are shells and the others holes, as the format defines.
 */
final class ShpGeometries {
  private static final int FILE_CODE = 9994;
  private static final int HEADER = 100;
  private static final int NULL_SHAPE = 0;

  /** Polygon, PolygonZ and PolygonM share the layout up to the points. */
  private static final List<Integer> POLYGONS = List.of(5, 15, 25);

  private ShpGeometries() {}

  static List<Geometry> read(
      byte[] bytes, String name, GeometryFactory factory, Reprojection toWgs84) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (bytes.length < HEADER || buf.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
      throw new IOException(name + ": not a shapefile (.shp)");
    }
    int type = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
    if (!POLYGONS.contains(type)) {
      throw new IOException(name + ": holds shapes of type " + type + ", not polygons");
    }
    List<Geometry> shapes = new ArrayList<>();
    try {
      for (int at = HEADER; at + 8 <= bytes.length; ) {
        int words = buf.order(ByteOrder.BIG_ENDIAN).getInt(at + 4);
        shapes.add(polygon(buf.order(ByteOrder.LITTLE_ENDIAN), at + 8, factory, toWgs84));
        at += 8 + 2 * words;
      }
    } catch (IndexOutOfBoundsException e) {
      throw new IOException(name + ": cut off after " + shapes.size() + " records", e);
    }
    return shapes;
  }

  private static Geometry polygon(
      ByteBuffer buf, int at, GeometryFactory factory, Reprojection toWgs84) {
    if (buf.getInt(at) == NULL_SHAPE) {
      return null;
    }
    int parts = buf.getInt(at + 36);
    int points = buf.getInt(at + 40);
    int pointsAt = at + 44 + 4 * parts;
    List<LinearRing> shells = new ArrayList<>();
    List<LinearRing> holes = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = buf.getInt(at + 44 + 4 * part);
      int to = part + 1 < parts ? buf.getInt(at + 44 + 4 * (part + 1)) : points;
      Coordinate[] ring = new Coordinate[to - from];
      for (int i = from; i < to; i++) {
        int p = pointsAt + 16 * i;
        ring[i - from] = toWgs84.apply(buf.getDouble(p), buf.getDouble(p + 8));
      }
      LinearRing linear = factory.createLinearRing(ring);
      (Orientation.isCCW(ring) ? holes : shells).add(linear);
    }
    return assemble(shells, holes, factory);
  }

  /** Puts each hole into the shell that contains it; the few invalid shapes are repaired. */
  private static Geometry assemble(
      List<LinearRing> shells, List<LinearRing> holes, GeometryFactory factory) {
    List<List<LinearRing>> holesOf = new ArrayList<>();
    List<PreparedPolygon> outlines = new ArrayList<>();
    for (LinearRing shell : shells) {
      holesOf.add(new ArrayList<>());
      outlines.add(new PreparedPolygon(factory.createPolygon(shell)));
    }
    for (LinearRing hole : holes) {
      for (int i = 0; i < outlines.size(); i++) {
        if (outlines.get(i).covers(factory.createPolygon(hole))) {
          holesOf.get(i).add(hole);
          break;
        }
      }
    }
    Polygon[] polygons = new Polygon[shells.size()];
    for (int i = 0; i < shells.size(); i++) {
      polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
    }
    Geometry shape = polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    return shape.isValid() ? shape : GeometryFixer.fix(shape);
  }
}
