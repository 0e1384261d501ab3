package dev.taxiscale.core.query;

/**
 * What a zone heatmap says of one pickup zone, over the whole window or in one hour of day.
 * Averages are absent when no trip had the values they need (FHV trips have no fare).
 *
 * @param zone the taxi zone id ({@code LocationID})
 * @param hour the hour of day 0-23 of the pickups; null for the zone's figures over every hour
 * @param avgDurationMinutes mean of drop-off minus pickup
 * @param avgSpeedKmh total metered distance over total duration, so long trips weigh more
 */
public record ZoneFigures(
    int zone,
    Integer hour,
    long trips,
    Double avgFare,
    Double avgDurationMinutes,
    Double avgSpeedKmh) {}
