package dev.taxiscale.core.query;

import java.util.List;

/**
 * A fare and duration estimate, or a plain statement that the history is too thin to give one.
 *
 * @param enough whether {@code sampleSize} reached {@code minSample}; when false, fare and duration
 *     are null
 * @param sampleSize how many historical trips matched
 * @param radiusMeters the radius actually used: the one given (narrowed when it would read too many
 *     trips), or the widening step that found {@code minSample} trips, or the widest one tried;
 *     {@code notices} say when it differs from what was asked
 * @param fare metered fare in dollars, without tips and tolls
 * @param durationMinutes pickup to drop-off
 * @param message one sentence for people, e.g. why there is no estimate
 * @param zones when even the widest radius found too few trips and taxi zones are loaded: the zones
 *     of both points and the trips between them, which the estimate then comes from; null otherwise
 */
public record FareEstimateResult(
    boolean enough,
    long sampleSize,
    int minSample,
    double radiusMeters,
    Spread fare,
    Spread durationMinutes,
    String message,
    ZoneFallback zones,
    List<String> notices)
    implements QueryResult {

  public FareEstimateResult {
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
