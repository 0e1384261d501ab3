package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * "Find me a cab here": the cabs that became free nearest to {@code point}, i.e. trips that dropped
 * off near it in the {@code windowMinutes} before {@code time}.
 *
 * <p>Give {@code k}, {@code radiusMeters} or both: with only a radius, up to {@value #MAX_K} cabs
 * inside it come back; with neither, the {@value #DEFAULT_K} nearest. Cabs farther than {@value
 * #MAX_RADIUS_M} meters are never "nearby", whatever k asks.
 *
 * @param point where the rider stands
 * @param time the moment of the request; drop-offs in {@code (time - windowMinutes, time]} count
 * @param k how many cabs at most, 1 to {@value #MAX_K}
 * @param radiusMeters only cabs at most this far, 1 to {@value #MAX_RADIUS_M} meters
 * @param windowMinutes how long ago a drop-off may be, 1 to {@value #MAX_WINDOW_MINUTES}
 * @param sources fleets to include; absent or empty means all
 * @param minPassengers only trips that carried at least this many, 1 to {@value #MAX_PASSENGERS}
 */
public record NearbyCabsRequest(
    GeoPoint point,
    LocalDateTime time,
    Integer k,
    Double radiusMeters,
    Integer windowMinutes,
    Set<Source> sources,
    Integer minPassengers)
    implements QueryRequest {

  public static final String TYPE = "nearby";
  public static final int DEFAULT_K = 10;
  public static final int MAX_K = 100;
  public static final double MAX_RADIUS_M = 5_000;
  public static final int DEFAULT_WINDOW_MINUTES = 15;
  public static final int MAX_WINDOW_MINUTES = 60;
  public static final int MAX_PASSENGERS = 9;

  public NearbyCabsRequest {
    Check.required("point", point);
    TimeWindow.requireSupported("time", Check.required("time", time));
    if (radiusMeters != null) {
      Check.range("radiusMeters", radiusMeters, 1, MAX_RADIUS_M);
    }
    k = Check.orDefault("k", k, radiusMeters == null ? DEFAULT_K : MAX_K, 1, MAX_K);
    windowMinutes =
        Check.orDefault(
            "windowMinutes", windowMinutes, DEFAULT_WINDOW_MINUTES, 1, MAX_WINDOW_MINUTES);
    sources = Check.sources(sources);
    if (minPassengers != null) {
      Check.range("minPassengers", minPassengers, 1, MAX_PASSENGERS);
    }
  }

  /** The k nearest cabs freed in the default window, from any fleet. */
  public static NearbyCabsRequest nearest(GeoPoint point, LocalDateTime time, int k) {
    return new NearbyCabsRequest(point, time, k, null, null, null, null);
  }

  /** The earliest drop-off time that counts. */
  @JsonIgnore
  public LocalDateTime windowStart() {
    return time.minusMinutes(windowMinutes);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** The 10 cabs freed nearest a rider in the default window: the benchmarks' typical request. */
  static NearbyCabsRequest drawn(Sampler sampler) {
    return nearest(sampler.place(400), sampler.minute(0), 10);
  }
}
