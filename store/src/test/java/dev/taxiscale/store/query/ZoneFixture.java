package dev.taxiscale.store.query;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.store.Trips;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Three fixture taxi zones over the fixture trips' places, and the trips as if published by zone:
 * midtown Manhattan (Penn Station, Grand Central, Times Square, Union Square), downtown (Wall
 * Street) and JFK.
 */
final class ZoneFixture {
  static final int MIDTOWN = 161;
  static final int DOWNTOWN = 209;
  static final int JFK = 132;

  /** Where a trip starts or ends decides its zone: the same rule as the boxes below. */
  private static final double JFK_WEST_LON = -73.90;

  private static final double MIDTOWN_SOUTH_LAT = 40.72;

  private ZoneFixture() {}

  static List<TaxiZone> zones() {
    return List.of(
        zone(MIDTOWN, "Manhattan", "Midtown Center", new Envelope(-74.03, -73.95, 40.72, 40.79)),
        zone(
            DOWNTOWN,
            "Manhattan",
            "World Trade Center",
            new Envelope(-74.04, -73.95, 40.68, 40.72)),
        zone(JFK, "Queens", "JFK Airport", new Envelope(-73.90, -73.70, 40.58, 40.70)));
  }

  /** The zone of a position by the fixture's rule. */
  static int zoneOf(double lon, double lat) {
    if (lon > JFK_WEST_LON) {
      return JFK;
    }
    return lat >= MIDTOWN_SOUTH_LAT ? MIDTOWN : DOWNTOWN;
  }

  /** The same trip as if published by zone, by the fixture's rule. */
  static Trip zoned(Trip t) {
    return inZones(
        t,
        zoneOf(t.pickupLon(), t.pickupLat()),
        t.hasDropoff() ? zoneOf(t.dropoffLon(), t.dropoffLat()) : null);
  }

  /** The same trip as if published with these zones. */
  static Trip inZones(Trip t, int pickupZone, Integer dropoffZone) {
    return Trips.withZones(t, pickupZone, dropoffZone);
  }

  /** A zone whose shape is the box {@code box}, in lon/lat. */
  static TaxiZone zone(int id, String borough, String name, Envelope box) {
    GeometryFactory geometry = new GeometryFactory();
    Coordinate[] ring = {
      new Coordinate(box.getMinX(), box.getMinY()),
      new Coordinate(box.getMaxX(), box.getMinY()),
      new Coordinate(box.getMaxX(), box.getMaxY()),
      new Coordinate(box.getMinX(), box.getMaxY()),
      new Coordinate(box.getMinX(), box.getMinY())
    };
    return new TaxiZone(id, borough, name, "Yellow Zone", geometry.createPolygon(ring));
  }
}
