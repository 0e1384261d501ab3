package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What the map draws: per hexagonal cell and per hour of pickup in {@code box} and {@code window},
 * the trip count, average fare, duration and speed.
 *
 * @param box pickups in this box, each side at most {@value #MAX_BOX_SIDE_M} meters
 * @param window pickup times, at most {@value #MAX_WINDOW_DAYS} days, cut into whole hours
 * @param resolution H3 resolution {@value #MIN_RESOLUTION} (about 5 km2 per cell) to {@value
 *     #MAX_RESOLUTION} (about 0.015 km2), default {@value #DEFAULT_RESOLUTION}
 * @param sources fleets to include; absent or empty means all
 */
public record HeatmapRequest(
    BoundingBox box, TimeWindow window, Integer resolution, Set<Source> sources)
    implements QueryRequest {

  public static final String TYPE = "heatmap";
  public static final int MIN_RESOLUTION = 7;
  public static final int MAX_RESOLUTION = 10;
  public static final int DEFAULT_RESOLUTION = 8;
  public static final int MAX_WINDOW_DAYS = 7;
  public static final double MAX_BOX_SIDE_M = 30_000;

  /** Upper bound on cells times hours a map can draw; beyond it the answer would be megabytes. */
  public static final long MAX_BUCKETS = 250_000;

  /** Average H3 hexagon area in square meters, indexed by resolution. */
  private static final double[] HEX_AREA_M2 = {
    4.357e12, 6.097e11, 8.680e10, 1.239e10, 1.770e9, 2.529e8, 3.614e7, 5.161e6, 7.373e5, 1.053e5,
    1.504e4, 2.149e3, 3.070e2, 4.386e1, 6.266, 8.951e-1
  };

  public HeatmapRequest {
    Check.required("box", box).requireSideAtMost("box", MAX_BOX_SIDE_M);
    Check.required("window", window).requireAtMost("window", Duration.ofDays(MAX_WINDOW_DAYS));
    resolution =
        Check.orDefault(
            "resolution", resolution, DEFAULT_RESOLUTION, MIN_RESOLUTION, MAX_RESOLUTION);
    sources = Check.sources(sources);
    long buckets = maxBuckets(box, window, resolution);
    if (buckets > MAX_BUCKETS) {
      throw new ValidationException(
          "resolution",
          "box and window could give "
              + buckets
              + " cell-hours, at most "
              + MAX_BUCKETS
              + ": lower the resolution, shrink the box or shorten the window");
    }
  }

  /** The average area of one cell at a resolution, in square meters. */
  public static double cellAreaM2(int resolution) {
    return HEX_AREA_M2[resolution];
  }

  /** The number of whole hours the window touches. */
  @JsonIgnore
  public int hours() {
    return hours(window);
  }

  private static int hours(TimeWindow window) {
    long start = window.from().toLocalDate().toEpochDay() * 24 + window.from().getHour();
    LocalDateTime last = window.to().minusNanos(1);
    long end = last.toLocalDate().toEpochDay() * 24 + last.getHour();
    return (int) (end - start + 1);
  }

  private static long maxBuckets(BoundingBox box, TimeWindow window, int resolution) {
    double cells = Math.ceil(box.widthMeters() * box.heightMeters() / cellAreaM2(resolution)) + 1;
    return (long) cells * hours(window);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** A 6 km map view over six whole hours at the default resolution: a typical request. */
  static HeatmapRequest drawn(Sampler sampler) {
    LocalDateTime from = sampler.minute(6 * 60).truncatedTo(ChronoUnit.HOURS);
    return new HeatmapRequest(
        BoundingBox.around(sampler.place(1_000), 6_000, 6_000),
        new TimeWindow(from, from.plusHours(6)),
        null,
        null);
  }
}
