package dev.taxiscale.ingest.zones;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The TLC zone shapefile, given as {@code taxi_zones.zip} or as the {@code .shp} with its {@code
 * .dbf} and {@code .prj} beside it: shapes reprojected to WGS84, with the {@code LocationID},
 * {@code zone} and {@code borough} of each record.
 */
final class Shapefile {
  private static final List<String> PARTS = List.of(".shp", ".dbf", ".prj");

  private Shapefile() {}

  static List<ZoneRecord> read(Path file, GeometryFactory factory) throws IOException {
    Map<String, byte[]> parts =
        file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
            ? fromZip(file)
            : besides(file);
    String name = file.getFileName().toString();
    Reprojection toWgs84 =
        EsriProjection.toWgs84(new String(parts.get(".prj"), StandardCharsets.UTF_8), name);
    List<Geometry> shapes = ShpGeometries.read(parts.get(".shp"), name, factory, toWgs84);
    List<Map<String, String>> rows = Dbf.read(parts.get(".dbf"), name);
    if (rows.size() != shapes.size()) {
      throw new IOException(
          name + ": " + shapes.size() + " shapes but " + rows.size() + " attribute rows");
    }
    List<ZoneRecord> records = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      Map<String, String> row = rows.get(i);
      records.add(
          new ZoneRecord(
              ZoneIds.parse(row.get("locationid"), name),
              row.getOrDefault("zone", ""),
              row.getOrDefault("borough", ""),
              shapes.get(i)));
    }
    return records;
  }

  private static Map<String, byte[]> besides(Path shp) throws IOException {
    String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
    Map<String, byte[]> parts = new HashMap<>();
    for (String part : PARTS) {
      Path path = shp.resolveSibling(base + part);
      try {
        parts.put(part, Files.readAllBytes(path));
      } catch (NoSuchFileException e) {
        throw new IOException(missing(shp.getFileName().toString(), part), e);
      }
    }
    return parts;
  }

  private static Map<String, byte[]> fromZip(Path zip) throws IOException {
    Map<String, byte[]> parts = new HashMap<>();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
        String lower = entry.getName().toLowerCase(Locale.ROOT);
        for (String part : PARTS) {
          if (lower.endsWith(part) && !lower.contains("__macosx")) {
            parts.put(part, archive.getInputStream(entry).readAllBytes());
          }
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new IOException(zip.getFileName() + ": not a zip archive", e);
    }
    for (String part : PARTS) {
      if (!parts.containsKey(part)) {
        throw new IOException(missing(zip.getFileName().toString(), part));
      }
    }
    return parts;
  }

  private static String missing(String name, String part) {
    return name
        + ": the shapefile's "
        + part
        + " is missing"
        + (part.equals(".prj") ? " (it says which projection the shapes are in)" : "");
  }
}
