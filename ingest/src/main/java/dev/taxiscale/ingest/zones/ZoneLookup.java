package dev.taxiscale.ingest.zones;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code taxi_zone_lookup.csv}: {@code "LocationID","Borough","Zone","service_zone"} for all 265
 * ids, including 264 "Unknown" and 265 "Outside of NYC", which have no shape.
 */
final class ZoneLookup {
  /** One lookup row. */
  record Entry(int locationId, String borough, String zone, String serviceZone) {}

  private static final List<String> HEADER =
      List.of("locationid", "borough", "zone", "service_zone");

  private ZoneLookup() {}

  static List<Entry> read(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()
        || !fields(lines.get(0)).stream()
            .map(f -> f.toLowerCase(Locale.ROOT))
            .toList()
            .equals(HEADER)) {
      throw new IOException(
          name + ": not a taxi zone lookup (header " + String.join(",", HEADER) + ")");
    }
    List<Entry> entries = new ArrayList<>();
    for (int line = 1; line < lines.size(); line++) {
      if (lines.get(line).isBlank()) {
        continue;
      }
      List<String> fields = fields(lines.get(line));
      if (fields.size() < HEADER.size()) {
        throw new IOException(name + ": line " + (line + 1) + " has " + fields.size() + " fields");
      }
      entries.add(
          new Entry(
              ZoneIds.parse(fields.get(0), name), fields.get(1), fields.get(2), fields.get(3)));
    }
    return entries;
  }

  /** Comma-separated fields, each optionally double-quoted ({@code ""} for a quote inside). */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else if (c != '\r' && c != '\uFEFF') {
        field.append(c);
      }
    }
    fields.add(field.toString().trim());
    return fields;
  }
}
