package dev.taxiscale.core.query;

import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;

/**
 * One trip found by a ride search; drop-off, fare and distance are absent for FHV pickups.
 *
 * @param distanceMiles as reported by the meter
 */
public record FoundTrip(
    long id,
    Source source,
    LocalDateTime pickupAt,
    LocalDateTime dropoffAt,
    double pickupLon,
    double pickupLat,
    Double dropoffLon,
    Double dropoffLat,
    Integer passengers,
    Double distanceMiles,
    Double fare,
    Double total) {}
