package dev.taxiscale.ingest.zones;

import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.DownloadLimits;
import dev.taxiscale.ingest.HttpDownloads;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.store.TaxiZones;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Loads the TLC taxi zones into {@link TaxiZones}: shapes from the zone shapefile ({@code .zip} or
 * {@code .shp}) or the NYC Open Data GeoJSON, names and service zones from {@code
 * taxi_zone_lookup.csv}. Either may be a path or an http(s) URL; by default both come from the
 * TLC's published URLs.
 */
public final class ZoneLoader {
  /** Where the TLC publishes the zone shapefile. */
  public static final String TLC_SHAPES_URL =
      "https://d37ci6vzurychx.cloudfront.net/misc/taxi_zones.zip";

  /** Where the TLC publishes the zone lookup. */
  public static final String TLC_LOOKUP_URL =
      "https://d37ci6vzurychx.cloudfront.net/misc/taxi_zone_lookup.csv";

  static final String LOOKUP_NAME = "taxi_zone_lookup.csv";

  private final DataSource dataSource;
  private final Path downloadDir;
  private final DownloadLimits limits;

  public ZoneLoader(DataSource dataSource, Path downloadDir, DownloadLimits limits) {
    this.dataSource = dataSource;
    this.downloadDir = downloadDir;
    this.limits = limits;
  }

  /**
   * Reads both files and replaces the zones in one transaction; nothing changes on failure.
   *
   * @param shapes a path or URL, or null for {@link #TLC_SHAPES_URL}
   * @param lookup a path or URL, or null for the lookup beside a local {@code shapes} (or in its
   *     parent folder), else {@link #TLC_LOOKUP_URL}
   * @throws IngestException with one line naming the file, or saying what to download offline
   */
  public ZoneLoad load(String shapes, String lookup) throws IngestException {
    String shapesSource = shapes == null ? TLC_SHAPES_URL : shapes;
    Path shapesFile = local(shapesSource);
    Path lookupFile = local(lookup == null ? lookupBeside(shapesFile) : lookup);
    List<TaxiZone> zones;
    try {
      zones = merge(readShapes(shapesFile), ZoneLookup.read(lookupFile));
    } catch (NoSuchFileException e) {
      throw new IngestException(e.getFile() + ": no such file", e);
    } catch (IOException e) {
      throw new IngestException(e.getMessage(), e);
    }
    try {
      new TaxiZones(dataSource).replaceAll(zones, shapesSource);
    } catch (SQLException e) {
      throw new IngestException("taxi zones: " + e.getMessage(), e);
    }
    int withShape = (int) zones.stream().filter(TaxiZone::hasShape).count();
    int multi =
        (int) zones.stream().filter(z -> z.hasShape() && z.shape().getNumGeometries() > 1).count();
    return new ZoneLoad(zones.size(), withShape, multi, shapesSource);
  }

  /**
   * The zones of a local shape file alone (names from the file, no service zones, no 264/265), for
   * tools such as the generator that only need to find a point's zone.
   */
  public static ZoneMap shapesOnly(Path shapes) throws IngestException {
    try {
      return new ZoneMap(merge(readShapes(shapes), List.of()));
    } catch (NoSuchFileException e) {
      throw new IngestException(e.getFile() + ": no such file", e);
    } catch (IOException e) {
      throw new IngestException(e.getMessage(), e);
    }
  }

  private static List<ZoneRecord> readShapes(Path file) throws IOException {
    GeometryFactory factory = new GeometryFactory();
    return isGeoJson(file) ? GeoJsonZones.read(file, factory) : Shapefile.read(file, factory);
  }

  private static boolean isGeoJson(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".geojson") || name.endsWith(".json")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      int b;
      while ((b = in.read()) == ' ' || b == '\n' || b == '\r' || b == '\t') {
        // skip leading white space
      }
      return b == '{';
    }
  }

  /** The lookup in the shapes' folder or its parent, as the TLC's files and ours are laid out. */
  private static String lookupBeside(Path shapes) {
    Path dir = shapes.toAbsolutePath().getParent();
    for (Path candidate : List.of(dir.resolve(LOOKUP_NAME), dir.resolveSibling(LOOKUP_NAME))) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toString();
      }
    }
    return TLC_LOOKUP_URL;
  }

  /** The local copy of a path or URL; offline, the line says what to download and where. */
  private Path local(String source) throws IngestException {
    if (!source.startsWith("http://") && !source.startsWith("https://")) {
      return Path.of(source);
    }
    try {
      return new HttpDownloads(downloadDir, limits).fetch(source);
    } catch (IOException | IngestException e) {
      String file = source.substring(source.lastIndexOf('/') + 1);
      throw new IngestException(
          "cannot download "
              + source
              + " ("
              + java.util.Objects.toString(e.getMessage(), e.getClass().getSimpleName())
                  .replace(source + ": ", "")
              + "); download it elsewhere, copy it here and run: taxiscale zones load PATH/"
              + (file.equals(LOOKUP_NAME)
                  ? "taxi_zones.zip (with " + LOOKUP_NAME + " beside it)"
                  : file),
          e);
    }
  }

  /** One zone per lookup id, with the union of its shape records (several for 56 and 103). */
  private static List<TaxiZone> merge(List<ZoneRecord> records, List<ZoneLookup.Entry> lookup) {
    Map<Integer, List<Geometry>> shapes = new TreeMap<>();
    Map<Integer, ZoneRecord> named = new TreeMap<>();
    for (ZoneRecord record : records) {
      named.putIfAbsent(record.locationId(), record);
      if (record.shape() != null) {
        shapes.computeIfAbsent(record.locationId(), id -> new ArrayList<>()).add(record.shape());
      }
    }
    Map<Integer, TaxiZone> zones = new TreeMap<>();
    for (ZoneLookup.Entry entry : lookup) {
      zones.put(
          entry.locationId(),
          new TaxiZone(
              entry.locationId(),
              entry.borough(),
              entry.zone(),
              entry.serviceZone(),
              union(shapes.get(entry.locationId()))));
    }
    for (ZoneRecord record : named.values()) {
      zones.computeIfAbsent(
          record.locationId(),
          id -> new TaxiZone(id, record.borough(), record.name(), "", union(shapes.get(id))));
    }
    return List.copyOf(zones.values());
  }

  /** The records' polygons as one shape; kept apart, not dissolved, as the TLC drew them. */
  private static Geometry union(List<Geometry> parts) {
    if (parts == null) {
      return null;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<Polygon> polygons = new ArrayList<>();
    for (Geometry part : parts) {
      for (int i = 0; i < part.getNumGeometries(); i++) {
        polygons.add((Polygon) part.getGeometryN(i));
      }
    }
    return parts.get(0).getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new));
  }
}
