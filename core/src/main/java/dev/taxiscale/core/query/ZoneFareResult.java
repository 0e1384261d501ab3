package dev.taxiscale.core.query;

import java.util.List;

/**
 * A zone-to-zone fare and duration estimate, or a plain statement that too few trips went between
 * the two zones.
 *
 * @param enough whether {@code sampleSize} reached {@code minSample}; when false the figures are
 *     null
 * @param sampleSize how many historical trips matched
 * @param from the pickup zone
 * @param to the drop-off zone
 * @param meanFare mean metered fare in dollars, without tips and tolls
 * @param fare the fare's 10th percentile, median and 90th percentile
 * @param meanDurationMinutes mean of pickup to drop-off
 * @param message one sentence for people
 */
public record ZoneFareResult(
    boolean enough,
    long sampleSize,
    int minSample,
    ZoneName from,
    ZoneName to,
    Double meanFare,
    Spread fare,
    Double meanDurationMinutes,
    Spread durationMinutes,
    String message,
    List<String> notices)
    implements QueryResult {

  public ZoneFareResult {
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
