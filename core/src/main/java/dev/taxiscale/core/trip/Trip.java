package dev.taxiscale.core.trip;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * One normalized trip, whatever file format it came from.
 *
 * <p>Times are NYC local wall-clock times as published (the files carry no zone). Absent numeric
 * values are {@code NaN} (doubles) or {@code null} (boxed), because FHV pickups have no drop-off,
 * fare or distance.
 *
 * @param id stable row id: {@code fileId * 2^32 + line number}, so a reload yields the same ids
 * @param fileId the ingest file this row came from
 * @param distanceMiles trip distance as reported by the meter, in miles
 * @param payment payment type normalized to a short code (card, cash, no_charge, dispute, unknown)
 * @param pickupZone the TLC taxi zone id of a trip published by zone, else null; such a trip's
 *     coordinates are a point placed inside its zone, not where it happened
 * @param dropoffZone the drop-off's taxi zone id, or null
 * @param highVolume what a high-volume for-hire file adds (tips, driver pay, ...), else null
 */
public record Trip(
    long id,
    int fileId,
    Source source,
    String vendor,
    LocalDateTime pickupAt,
    LocalDateTime dropoffAt,
    double pickupLon,
    double pickupLat,
    double dropoffLon,
    double dropoffLat,
    Integer passengers,
    double distanceMiles,
    double fare,
    double total,
    String payment,
    Integer rateCode,
    Integer pickupZone,
    Integer dropoffZone,
    HighVolume highVolume)
    implements Serializable {

  /** A trip published with coordinates. */
  public Trip(
      long id,
      int fileId,
      Source source,
      String vendor,
      LocalDateTime pickupAt,
      LocalDateTime dropoffAt,
      double pickupLon,
      double pickupLat,
      double dropoffLon,
      double dropoffLat,
      Integer passengers,
      double distanceMiles,
      double fare,
      double total,
      String payment,
      Integer rateCode) {
    this(
        id,
        fileId,
        source,
        vendor,
        pickupAt,
        dropoffAt,
        pickupLon,
        pickupLat,
        dropoffLon,
        dropoffLat,
        passengers,
        distanceMiles,
        fare,
        total,
        payment,
        rateCode,
        null,
        null,
        null);
  }

  /** The id a row gets from its file and 1-based physical line number. */
  public static long idOf(int fileId, long lineNumber) {
    return ((long) fileId << 32) | lineNumber;
  }

  /** How exact the trip's positions are, as the {@code trips.precision} column stores it. */
  public Precision precision() {
    return pickupZone == null ? Precision.POINT : Precision.ZONE;
  }

  public boolean hasDropoff() {
    return dropoffAt != null && !Double.isNaN(dropoffLon) && !Double.isNaN(dropoffLat);
  }
}
