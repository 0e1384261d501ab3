package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Fare and duration from one taxi zone to another, estimated from the historical trips between
 * them, optionally only those picked up near a time of day.
 *
 * @param fromZone the pickup zone id ({@code LocationID})
 * @param toZone the drop-off zone id
 * @param time when given, only trips picked up within {@code toleranceMinutes} of its time of day
 *     (any date); absent means any time
 * @param toleranceMinutes time-of-day tolerance, 1 to {@value
 *     FareEstimateRequest#MAX_TOLERANCE_MINUTES}, default {@value
 *     FareEstimateRequest#DEFAULT_TOLERANCE_MINUTES}; needs {@code time}
 * @param sameDayType only weekday trips when {@code time} is a weekday, weekend trips when it is a
 *     weekend; default false; needs {@code time}
 * @param sources fleets to include; absent means yellow and green (FHV trips have no fare)
 * @param minSample fewer matching trips than this is "not enough to answer", {@value
 *     FareEstimateRequest#MIN_MIN_SAMPLE} to {@value FareEstimateRequest#MAX_MIN_SAMPLE}, default
 *     {@value FareEstimateRequest#DEFAULT_MIN_SAMPLE}
 */
public record ZoneFareRequest(
    Integer fromZone,
    Integer toZone,
    LocalDateTime time,
    Integer toleranceMinutes,
    Boolean sameDayType,
    Set<Source> sources,
    Integer minSample)
    implements QueryRequest {

  public static final String TYPE = "zone-fare";

  public ZoneFareRequest {
    fromZone = ZoneIds.required("fromZone", fromZone);
    toZone = ZoneIds.required("toZone", toZone);
    if (time == null) {
      if (toleranceMinutes != null) {
        throw new ValidationException("toleranceMinutes", "needs time");
      }
      if (sameDayType != null && sameDayType) {
        throw new ValidationException("sameDayType", "needs time");
      }
    } else {
      TimeWindow.requireSupported("time", time);
      toleranceMinutes =
          Check.orDefault(
              "toleranceMinutes",
              toleranceMinutes,
              FareEstimateRequest.DEFAULT_TOLERANCE_MINUTES,
              1,
              FareEstimateRequest.MAX_TOLERANCE_MINUTES);
    }
    sameDayType = sameDayType != null && sameDayType;
    sources = FareEstimateRequest.faredSources(sources);
    minSample =
        Check.orDefault(
            "minSample",
            minSample,
            FareEstimateRequest.DEFAULT_MIN_SAMPLE,
            FareEstimateRequest.MIN_MIN_SAMPLE,
            FareEstimateRequest.MAX_MIN_SAMPLE);
  }

  /** Any time of day, default sample size. */
  public static ZoneFareRequest between(int fromZone, int toZone) {
    return new ZoneFareRequest(fromZone, toZone, null, null, null, null, null);
  }

  /** The zone-to-zone twin of a fare estimate between points: same time, filters and sample. */
  public static ZoneFareRequest like(FareEstimateRequest fare, int fromZone, int toZone) {
    return new ZoneFareRequest(
        fromZone,
        toZone,
        fare.time(),
        fare.toleranceMinutes(),
        fare.sameDayType(),
        fare.sources(),
        fare.minSample());
  }

  /** Whether {@code time} falls on a Saturday or Sunday. */
  @JsonIgnore
  public boolean weekend() {
    return time != null && time.getDayOfWeek().getValue() >= 6;
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** Between two busy zones at a time of day: the benchmarks' typical request. */
  static ZoneFareRequest drawn(Sampler sampler) {
    int from = ZoneIds.busy(sampler.fraction());
    int to = ZoneIds.busy(sampler.fraction());
    return new ZoneFareRequest(from, to, sampler.minute(0), null, null, null, null);
  }
}
