package dev.taxiscale.core.query;

import java.time.LocalDateTime;

/**
 * One cell in one hour of a heatmap. Averages are absent when no trip in the bucket had the values
 * they need (FHV pickups have no fare, drop-off or distance).
 *
 * @param cell the H3 index in hex (e.g. {@code 882a100d2dfffff}) or a grid id {@code g:ix:iy}
 * @param lon longitude of the cell center
 * @param lat latitude of the cell center
 * @param hour the start of the pickup hour
 * @param avgDurationMinutes mean of drop-off minus pickup
 * @param avgSpeedKmh the bucket's total metered distance over its total duration, so long trips
 *     weigh more than short ones
 */
public record HeatCell(
    String cell,
    double lon,
    double lat,
    LocalDateTime hour,
    long trips,
    Double avgFare,
    Double avgDurationMinutes,
    Double avgSpeedKmh) {}
