package dev.taxiscale.store;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;

/** Literal trips for store tests, named after what they represent. */
public final class Trips {
  private Trips() {}

  /**
   * A card-paid yellow cab ride from Penn Station to Union Square, its positions written with the
   * six decimals (the pickup a block west of the station) that the exact-text checks of the COPY
   * encoding want.
   */
  static Trip pennStationToUnionSquare(int fileId, long line) {
    return new Trip(
        Trip.idOf(fileId, line),
        fileId,
        Source.YELLOW,
        "CMT",
        LocalDateTime.of(2014, 1, 9, 20, 45, 25),
        LocalDateTime.of(2014, 1, 9, 20, 52, 31),
        -73.99477,
        40.750568,
        -73.990526,
        40.735863,
        1,
        1.2,
        6.5,
        8.9,
        "card",
        1);
  }

  /** An Uber pickup at Times Square: no drop-off, fare or distance. */
  static Trip uberPickupAtTimesSquare(int fileId, long line) {
    return new Trip(
        Trip.idOf(fileId, line),
        fileId,
        Source.FHV,
        "B02512",
        LocalDateTime.of(2014, 9, 1, 0, 1, 0),
        null,
        Landmark.TIMES_SQUARE.lon(),
        Landmark.TIMES_SQUARE.lat(),
        Double.NaN,
        Double.NaN,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        null,
        null);
  }

  static Trip withVendor(Trip t, String vendor) {
    return with(t, vendor, t.pickupAt(), t.pickupLon(), t.passengers());
  }

  static Trip withPickup(Trip t, LocalDateTime pickupAt) {
    return with(t, t.vendor(), pickupAt, t.pickupLon(), t.passengers());
  }

  static Trip withPassengers(Trip t, Integer passengers) {
    return with(t, t.vendor(), t.pickupAt(), t.pickupLon(), passengers);
  }

  /** The trip with what a high-volume for-hire file adds. */
  static Trip withHighVolume(Trip t, HighVolume fields) {
    return copy(t, t.pickupZone(), t.dropoffZone(), fields);
  }

  /** The same trip as if published with these zones. */
  public static Trip withZones(Trip t, Integer pickupZone, Integer dropoffZone) {
    return copy(t, pickupZone, dropoffZone, t.highVolume());
  }

  private static Trip copy(Trip t, Integer pickupZone, Integer dropoffZone, HighVolume highVolume) {
    return new Trip(
        t.id(),
        t.fileId(),
        t.source(),
        t.vendor(),
        t.pickupAt(),
        t.dropoffAt(),
        t.pickupLon(),
        t.pickupLat(),
        t.dropoffLon(),
        t.dropoffLat(),
        t.passengers(),
        t.distanceMiles(),
        t.fare(),
        t.total(),
        t.payment(),
        t.rateCode(),
        pickupZone,
        dropoffZone,
        highVolume);
  }

  static Trip withPickupLon(Trip t, double lon) {
    return with(t, t.vendor(), t.pickupAt(), lon, t.passengers());
  }

  /** A copy of {@code t} with the values the encoder tests vary. */
  private static Trip with(
      Trip t, String vendor, LocalDateTime pickupAt, double pickupLon, Integer passengers) {
    return new Trip(
        t.id(),
        t.fileId(),
        t.source(),
        vendor,
        pickupAt,
        t.dropoffAt(),
        pickupLon,
        t.pickupLat(),
        t.dropoffLon(),
        t.dropoffLat(),
        passengers,
        t.distanceMiles(),
        t.fare(),
        t.total(),
        t.payment(),
        t.rateCode());
  }
}
