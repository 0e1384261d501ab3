package dev.taxiscale.core.query;

/**
 * Where a fare estimate between points fell back to the trips between the points' taxi zones,
 * because even the widest radius found too few.
 *
 * @param from the zone holding the pickup point
 * @param to the zone holding the destination
 * @param trips how many trips between the two zones matched
 */
public record ZoneFallback(ZoneName from, ZoneName to, long trips) {}
