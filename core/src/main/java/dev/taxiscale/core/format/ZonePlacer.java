package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Column.*;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.core.zone.ZoneShape;
import java.time.LocalDateTime;

/**
 * Builds a trip from a row that names taxi zones instead of coordinates: each end gets the point
 * {@link ZoneShape#pointFor} chooses inside its zone, and keeps its zone id.
 */
final class ZonePlacer {
  private static final double[] NOWHERE = {Double.NaN, Double.NaN};

  private ZonePlacer() {}

  static Trip place(FileLayout layout, TripFields row, long id, ZoneMap zones) {
    LocalDateTime pickupAt = row.requiredTimestamp(PICKUP_AT);
    LocalDateTime dropoffAt = row.optionalTimestamp(DROPOFF_AT);
    Integer pickupZone = row.optionalInt(PICKUP_ZONE);
    if (pickupZone == null) {
      throw new BadField(Reason.UNPARSEABLE_NUMBER, PICKUP_ZONE.label() + " is empty");
    }
    Integer dropoffZone = row.optionalInt(DROPOFF_ZONE);
    double[] pickup = point(zones, PICKUP_ZONE, pickupZone, id);
    double[] dropoff = dropoffZone == null ? NOWHERE : point(zones, DROPOFF_ZONE, dropoffZone, id);
    return new Trip(
        id,
        (int) (id >>> 32),
        row.source(layout.source()),
        row.vendor(),
        pickupAt,
        dropoffAt,
        pickup[0],
        pickup[1],
        dropoff[0],
        dropoff[1],
        row.optionalInt(PASSENGERS),
        row.optionalNumber(DISTANCE),
        row.optionalNumber(FARE),
        row.optionalNumber(TOTAL),
        row.payment(),
        row.optionalInt(RATE_CODE),
        pickupZone,
        dropoffZone,
        TripAssembler.highVolume(layout, row));
  }

  /**
   * The end's point inside its zone. An id the lookup lacks is rejected; a zone without a shape
   * ("Unknown", "Outside of NYC") cannot place a pickup, while a drop-off there stays unplaced.
   */
  private static double[] point(ZoneMap zones, Column end, int zoneId, long tripId) {
    TaxiZone zone = zones.zone(zoneId);
    if (zone == null) {
      throw new BadField(Reason.UNKNOWN_ZONE, end.label() + " " + zoneId + " is no taxi zone");
    }
    ZoneShape shape = zones.shape(zoneId);
    if (shape != null) {
      return shape.pointFor(tripId, end == DROPOFF_ZONE);
    }
    if (end == PICKUP_ZONE) {
      throw new BadField(
          Reason.ZONE_WITHOUT_SHAPE,
          end.label() + " " + zoneId + " (" + zone.name() + ") has no shape to place it in");
    }
    return NOWHERE;
  }
}
