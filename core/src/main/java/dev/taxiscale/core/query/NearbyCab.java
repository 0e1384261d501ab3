package dev.taxiscale.core.query;

import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;

/**
 * One cab that became free near the rider: the trip that ended there.
 *
 * @param distanceMeters from the rider to the drop-off, in meters
 * @param minutesSinceDropoff how long the cab has been free at the request time
 */
public record NearbyCab(
    long tripId,
    Source source,
    double lon,
    double lat,
    LocalDateTime dropoffAt,
    double distanceMeters,
    double minutesSinceDropoff,
    Integer passengers) {}
