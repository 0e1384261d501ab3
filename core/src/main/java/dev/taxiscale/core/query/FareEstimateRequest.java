package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fare and duration from {@code from} to {@code to} at {@code time}, estimated from historical
 * trips that started within {@code radiusMeters} of {@code from}, ended within it of {@code to},
 * and were picked up within {@code toleranceMinutes} of the time of day of {@code time} (any date).
 *
 * @param radiusMeters how far from each end a historical trip may start or end, {@value
 *     #MIN_RADIUS_M} to {@value #MAX_RADIUS_M}, honoured as given. Absent, the estimate starts at
 *     {@value #DEFAULT_RADIUS_M} and widens step by step ({@link #WIDENING_STEPS_M}) up to {@value
 *     #MAX_RADIUS_M} until {@code minSample} trips match; absent stays absent (null) on the wire,
 *     so that the worker widens too
 * @param toleranceMinutes time-of-day tolerance, 1 to {@value #MAX_TOLERANCE_MINUTES}, default
 *     {@value #DEFAULT_TOLERANCE_MINUTES}
 * @param sameDayType only trips on weekdays when {@code time} is a weekday, on weekends when it is
 *     a weekend; default false
 * @param sources fleets to include; FHV trips have no fare or drop-off, so absent means yellow and
 *     green
 * @param minSample fewer matching trips than this is "not enough to answer", {@value
 *     #MIN_MIN_SAMPLE} to {@value #MAX_MIN_SAMPLE}, default {@value #DEFAULT_MIN_SAMPLE}
 */
public record FareEstimateRequest(
    GeoPoint from,
    GeoPoint to,
    LocalDateTime time,
    Double radiusMeters,
    Integer toleranceMinutes,
    Boolean sameDayType,
    Set<Source> sources,
    Integer minSample)
    implements QueryRequest {

  public static final String TYPE = "fare";
  public static final double MIN_RADIUS_M = 50;
  public static final double DEFAULT_RADIUS_M = 300;
  public static final double MAX_RADIUS_M = 2_000;
  public static final int DEFAULT_TOLERANCE_MINUTES = 60;
  public static final int MAX_TOLERANCE_MINUTES = 180;
  public static final int MIN_MIN_SAMPLE = 5;
  public static final int DEFAULT_MIN_SAMPLE = 20;
  public static final int MAX_MIN_SAMPLE = 1_000;

  /**
   * The radii tried in turn when none is given. Each step about 1.6 times the last holds about 6.5
   * times the trips (the area grows at both ends), so a step rarely overshoots what {@code
   * minSample} needs by much, and the steps before the one that answers cost a fraction of it.
   */
  public static final List<Double> WIDENING_STEPS_M =
      List.of(300.0, 500.0, 800.0, 1_300.0, 2_000.0);

  public FareEstimateRequest {
    Check.required("from", from);
    Check.required("to", to);
    TimeWindow.requireSupported("time", Check.required("time", time));
    if (radiusMeters != null) {
      Check.range("radiusMeters", radiusMeters, MIN_RADIUS_M, MAX_RADIUS_M);
    }
    toleranceMinutes =
        Check.orDefault(
            "toleranceMinutes",
            toleranceMinutes,
            DEFAULT_TOLERANCE_MINUTES,
            1,
            MAX_TOLERANCE_MINUTES);
    sameDayType = sameDayType != null && sameDayType;
    sources = faredSources(sources);
    minSample =
        Check.orDefault("minSample", minSample, DEFAULT_MIN_SAMPLE, MIN_MIN_SAMPLE, MAX_MIN_SAMPLE);
  }

  /** An estimate with the default radius, tolerance and sample size. */
  public static FareEstimateRequest between(GeoPoint from, GeoPoint to, LocalDateTime time) {
    return new FareEstimateRequest(from, to, time, null, null, null, null, null);
  }

  /** The radius to search first: the one given, or the default when widening. */
  @JsonIgnore
  public double radius() {
    return radiusMeters == null ? DEFAULT_RADIUS_M : radiusMeters;
  }

  /** The radii to try in turn: the one given alone, or every widening step. */
  @JsonIgnore
  public List<Double> radii() {
    return radiusMeters == null ? WIDENING_STEPS_M : List.of(radiusMeters);
  }

  /** The same request with another radius given, as the search widens or narrows it. */
  public FareEstimateRequest withRadius(double meters) {
    return new FareEstimateRequest(
        from, to, time, meters, toleranceMinutes, sameDayType, sources, minSample);
  }

  /** Whether {@code time} falls on a Saturday or Sunday. */
  @JsonIgnore
  public boolean weekend() {
    return time.getDayOfWeek().getValue() >= 6;
  }

  /** The fleets of a fare sample: absent means yellow and green; FHV alone is refused. */
  static Set<Source> faredSources(Set<Source> sources) {
    if (sources == null || sources.isEmpty()) {
      return Check.sources(EnumSet.complementOf(EnumSet.of(Source.FHV)));
    }
    Set<Source> checked = Check.sources(sources);
    if (checked.equals(EnumSet.of(Source.FHV))) {
      throw new ValidationException(
          "sources", "fhv trips have no fare or drop-off; include yellow or green");
    }
    return checked;
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** A trip at the default radius and tolerance: the benchmarks' typical request. */
  static FareEstimateRequest drawn(Sampler sampler) {
    Sampler.Leg leg = sampler.leg(200);
    return between(leg.from(), leg.to(), sampler.minute(0));
  }
}
