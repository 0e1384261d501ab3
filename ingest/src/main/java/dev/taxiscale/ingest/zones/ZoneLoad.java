package dev.taxiscale.ingest.zones;

/**
 * What a zone load stored.
 *
 * @param zones rows in the table (the lookup's ids plus any shape the lookup lacks)
 * @param withShape zones that have a shape
 * @param multiPolygon zones made of several polygons (56 and 103 in the TLC's file)
 * @param source where the shapes came from
 */
public record ZoneLoad(int zones, int withShape, int multiPolygon, String source) {
  /** One line for the command line. */
  public String summary() {
    return String.format(
        "loaded %d taxi zones (%d with a shape, %d of several polygons) from %s",
        zones, withShape, multiPolygon, source);
  }
}
