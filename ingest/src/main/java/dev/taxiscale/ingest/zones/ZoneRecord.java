package dev.taxiscale.ingest.zones;

import org.locationtech.jts.geom.Geometry;

/**
 * One record of a zone shape file, already in WGS84 degrees. A zone may have several records (the
 * shapefile gives 56 two and 103 three), which the load merges.
 */
record ZoneRecord(int locationId, String name, String borough, Geometry shape) {}
