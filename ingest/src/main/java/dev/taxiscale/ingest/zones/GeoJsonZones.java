package dev.taxiscale.ingest.zones;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The zones as NYC Open Data exports them: a GeoJSON FeatureCollection in WGS84 whose properties
 * name {@code LocationID} (or {@code location_id}), {@code zone} and {@code borough}.
 */
final class GeoJsonZones {
  private GeoJsonZones() {}

  static List<ZoneRecord> read(Path file, GeometryFactory factory) throws IOException {
    String name = file.getFileName().toString();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException(name + ": not JSON (" + e.getOriginalMessage() + ")", e);
    }
    JsonNode features = root == null ? null : root.get("features");
    if (features == null || !features.isArray()) {
      throw new IOException(name + ": not a GeoJSON FeatureCollection");
    }
    List<ZoneRecord> records = new ArrayList<>();
    for (JsonNode feature : features) {
      JsonNode properties = feature.path("properties");
      records.add(
          new ZoneRecord(
              ZoneIds.parse(property(properties, "locationid", "location_id"), name),
              property(properties, "zone"),
              property(properties, "borough"),
              geometry(feature.path("geometry"), factory, name)));
    }
    return records;
  }

  /** The first of the keys present, compared case-insensitively, as text; "" when none is. */
  private static String property(JsonNode properties, String... keys) {
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      for (String key : keys) {
        if (field.getKey().toLowerCase(Locale.ROOT).equals(key) && !field.getValue().isNull()) {
          return field.getValue().asText();
        }
      }
    }
    return "";
  }

  private static Geometry geometry(JsonNode geometry, GeometryFactory factory, String name)
      throws IOException {
    String type = geometry.path("type").asText();
    JsonNode coordinates = geometry.path("coordinates");
    Geometry shape =
        switch (type) {
          case "Polygon" -> polygon(coordinates, factory);
          case "MultiPolygon" -> {
            Polygon[] parts = new Polygon[coordinates.size()];
            for (int i = 0; i < parts.length; i++) {
              parts[i] = polygon(coordinates.get(i), factory);
            }
            yield factory.createMultiPolygon(parts);
          }
          case "" -> null;
          default -> throw new IOException(name + ": a zone's geometry is a " + type);
        };
    return shape == null || shape.isValid() ? shape : GeometryFixer.fix(shape);
  }

  private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
    LinearRing shell = ring(rings.get(0), factory);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), factory);
    }
    return factory.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode points, GeometryFactory factory) {
    Coordinate[] ring = new Coordinate[points.size()];
    for (int i = 0; i < ring.length; i++) {
      ring[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
    }
    return factory.createLinearRing(ring);
  }
}
