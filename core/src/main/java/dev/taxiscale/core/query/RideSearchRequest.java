package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * "Rides between start and end time in this range": trips picked up in {@code window} whose pickup
 * lies in {@code pickupBox} and/or whose drop-off lies in {@code dropoffBox}, counted and paged in
 * (pickup time, id) order.
 *
 * @param pickupBox pickups must lie in this box; optional if {@code dropoffBox} is given
 * @param dropoffBox drop-offs must lie in this box; optional if {@code pickupBox} is given
 * @param window pickup times, at most {@value #MAX_WINDOW_DAYS} days
 * @param sources fleets to include; absent or empty means all
 * @param minPassengers only trips that carried at least this many
 * @param pageSize trips per page, 1 to {@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}
 * @param cursor the {@code nextCursor} of the previous page; absent for the first page
 */
public record RideSearchRequest(
    BoundingBox pickupBox,
    BoundingBox dropoffBox,
    TimeWindow window,
    Set<Source> sources,
    Integer minPassengers,
    Integer pageSize,
    PageCursor cursor)
    implements QueryRequest {

  public static final String TYPE = "rides";
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1_000;
  public static final int MAX_WINDOW_DAYS = 7;
  public static final double MAX_BOX_SIDE_M = 20_000;

  public RideSearchRequest {
    if (pickupBox == null && dropoffBox == null) {
      throw new ValidationException("pickupBox", "give pickupBox, dropoffBox or both");
    }
    if (pickupBox != null) {
      pickupBox.requireSideAtMost("pickupBox", MAX_BOX_SIDE_M);
    }
    if (dropoffBox != null) {
      dropoffBox.requireSideAtMost("dropoffBox", MAX_BOX_SIDE_M);
    }
    Check.required("window", window).requireAtMost("window", Duration.ofDays(MAX_WINDOW_DAYS));
    sources = Check.sources(sources);
    if (minPassengers != null) {
      Check.range("minPassengers", minPassengers, 1, NearbyCabsRequest.MAX_PASSENGERS);
    }
    pageSize = Check.orDefault("pageSize", pageSize, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  }

  /** The first page of trips picked up in {@code box} during {@code window}. */
  public static RideSearchRequest pickupsIn(BoundingBox box, TimeWindow window, int pageSize) {
    return new RideSearchRequest(box, null, window, null, null, pageSize, null);
  }

  /** The same search, continuing after {@code next}. */
  public RideSearchRequest after(PageCursor next) {
    return new RideSearchRequest(
        pickupBox, dropoffBox, window, sources, minPassengers, pageSize, next);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** The first 100 pickups in a 1-4 km box over one hour: the benchmarks' typical request. */
  static RideSearchRequest drawn(Sampler sampler) {
    double side = 1_000 + sampler.fraction() * 3_000;
    LocalDateTime from = sampler.minute(60);
    return pickupsIn(
        BoundingBox.around(sampler.place(500), side, side),
        new TimeWindow(from, from.plusHours(1)),
        100);
  }
}
