package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The choropleth: per pickup taxi zone and hour of day, the trips picked up in {@code window} and
 * their average fare, duration and speed. Answered from hourly sums per zone, so the window is read
 * in whole hours: from the hour {@code from} falls in to the hour {@code to} ends.
 *
 * @param window pickup times, at most {@value #MAX_WINDOW_DAYS} days
 * @param borough only zones of this borough (as the zone lookup spells it, e.g. {@code Manhattan});
 *     absent means every borough
 * @param zones only these zone ids, at most {@value #MAX_ZONES}; absent or empty means every zone
 * @param sources fleets to include; absent or empty means all
 */
public record ZoneHeatmapRequest(
    TimeWindow window, String borough, Set<Integer> zones, Set<Source> sources)
    implements QueryRequest {

  public static final String TYPE = "zone-heatmap";
  public static final int MAX_WINDOW_DAYS = 31;
  public static final int MAX_ZONES = 300;

  public ZoneHeatmapRequest {
    Check.required("window", window).requireAtMost("window", Duration.ofDays(MAX_WINDOW_DAYS));
    if (borough != null && borough.isBlank()) {
      throw new ValidationException("borough", "must not be blank; leave it out for all");
    }
    zones = ZoneIds.set("zones", zones, MAX_ZONES);
    sources = Check.sources(sources);
  }

  /** Every zone of the city over a window. */
  public static ZoneHeatmapRequest citywide(TimeWindow window) {
    return new ZoneHeatmapRequest(window, null, null, null);
  }

  /** The first hour read, in hours since 1970-01-01T00:00 wall-clock time. */
  @JsonIgnore
  public int firstHour() {
    return epochHour(window.from());
  }

  /** The hour after the last one read: the window's end rounded up to a whole hour. */
  @JsonIgnore
  public int endHour() {
    return epochHour(window.to().minusNanos(1)) + 1;
  }

  private static int epochHour(LocalDateTime time) {
    return (int) (time.toLocalDate().toEpochDay() * 24 + time.getHour());
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** All of the city over a day: the choropleth's typical request. */
  static ZoneHeatmapRequest drawn(Sampler sampler) {
    LocalDateTime from = sampler.minute(24 * 60).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    return citywide(new TimeWindow(from, from.plusDays(1)));
  }
}
