package dev.taxiscale.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.core.zone.ZoneMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The taxi zones as one GeoJSON FeatureCollection for the web app's offline base map: each zone
 * ({@code kind: zone}, with id, name, borough and area) and each borough dissolved from its zones
 * ({@code kind: borough}), simplified to about {@value #TOLERANCE_DEGREES} degrees (a few meters)
 * and rounded to {@value #DECIMALS} decimals, which keeps it near 300 kB.
 */
final class ZoneLayer {
  static final double TOLERANCE_DEGREES = 0.0001;
  static final int DECIMALS = 5;

  private ZoneLayer() {}

  static byte[] geoJson(ZoneMap zones) throws Exception {
    ObjectNode collection = JsonNodeFactory.instance.objectNode().put("type", "FeatureCollection");
    ArrayNode features = collection.putArray("features");
    Map<String, List<Geometry>> boroughs = new LinkedHashMap<>();
    for (TaxiZone zone : zones.zones()) {
      if (!zone.hasShape()) {
        continue;
      }
      boroughs.computeIfAbsent(zone.borough(), b -> new ArrayList<>()).add(zone.shape());
      ObjectNode feature = features.addObject().put("type", "Feature");
      feature
          .putObject("properties")
          .put("kind", "zone")
          .put("id", zone.locationId())
          .put("name", zone.name())
          .put("borough", zone.borough())
          .put("areaKm2", Math.round(zone.areaSquareMeters() / 1e4) / 100.0);
      feature.set("geometry", geometry(simplified(zone.shape())));
    }
    for (Map.Entry<String, List<Geometry>> borough : boroughs.entrySet()) {
      ObjectNode feature = features.addObject().put("type", "Feature");
      feature.putObject("properties").put("kind", "borough").put("name", borough.getKey());
      feature.set("geometry", geometry(simplified(UnaryUnionOp.union(borough.getValue()))));
    }
    return new ObjectMapper().writeValueAsBytes(collection);
  }

  private static Geometry simplified(Geometry shape) {
    return TopologyPreservingSimplifier.simplify(shape, TOLERANCE_DEGREES);
  }

  /** Polygon or MultiPolygon coordinates as GeoJSON writes them. */
  private static ObjectNode geometry(Geometry shape) {
    ObjectNode geometry = JsonNodeFactory.instance.objectNode().put("type", "MultiPolygon");
    ArrayNode polygons = geometry.putArray("coordinates");
    for (int i = 0; i < shape.getNumGeometries(); i++) {
      if (shape.getGeometryN(i) instanceof Polygon polygon) {
        ArrayNode rings = polygons.addArray();
        ring(rings.addArray(), polygon.getExteriorRing().getCoordinates());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          ring(rings.addArray(), polygon.getInteriorRingN(h).getCoordinates());
        }
      }
    }
    return geometry;
  }

  private static void ring(ArrayNode ring, Coordinate[] coordinates) {
    double scale = Math.pow(10, DECIMALS);
    for (Coordinate c : coordinates) {
      ring.addArray().add(Math.round(c.x * scale) / scale).add(Math.round(c.y * scale) / scale);
    }
  }
}
