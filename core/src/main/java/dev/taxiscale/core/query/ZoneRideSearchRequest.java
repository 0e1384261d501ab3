package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.taxiscale.core.trip.Source;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Rides picked up in {@code window} from a taxi zone and/or to one, counted and paged in (pickup
 * time, id) order like {@link RideSearchRequest}.
 *
 * @param pickupZone the pickup zone id; optional if {@code dropoffZone} is given
 * @param dropoffZone the drop-off zone id; optional if {@code pickupZone} is given
 * @param window pickup times, at most {@value RideSearchRequest#MAX_WINDOW_DAYS} days
 * @param sources fleets to include; absent or empty means all
 * @param minPassengers only trips that carried at least this many
 * @param pageSize trips per page, 1 to {@value RideSearchRequest#MAX_PAGE_SIZE}, default {@value
 *     RideSearchRequest#DEFAULT_PAGE_SIZE}
 * @param cursor the {@code nextCursor} of the previous page; absent for the first page
 */
public record ZoneRideSearchRequest(
    Integer pickupZone,
    Integer dropoffZone,
    TimeWindow window,
    Set<Source> sources,
    Integer minPassengers,
    Integer pageSize,
    PageCursor cursor)
    implements QueryRequest {

  public static final String TYPE = "zone-rides";

  public ZoneRideSearchRequest {
    if (pickupZone == null && dropoffZone == null) {
      throw new ValidationException("pickupZone", "give pickupZone, dropoffZone or both");
    }
    pickupZone = ZoneIds.optional("pickupZone", pickupZone);
    dropoffZone = ZoneIds.optional("dropoffZone", dropoffZone);
    Check.required("window", window)
        .requireAtMost("window", Duration.ofDays(RideSearchRequest.MAX_WINDOW_DAYS));
    sources = Check.sources(sources);
    if (minPassengers != null) {
      Check.range("minPassengers", minPassengers, 1, NearbyCabsRequest.MAX_PASSENGERS);
    }
    pageSize =
        Check.orDefault(
            "pageSize",
            pageSize,
            RideSearchRequest.DEFAULT_PAGE_SIZE,
            1,
            RideSearchRequest.MAX_PAGE_SIZE);
  }

  /** The first page of trips from one zone to another (either may be null) in a window. */
  public static ZoneRideSearchRequest between(
      Integer pickupZone, Integer dropoffZone, TimeWindow window, int pageSize) {
    return new ZoneRideSearchRequest(pickupZone, dropoffZone, window, null, null, pageSize, null);
  }

  /** The same search, continuing after {@code next}. */
  public ZoneRideSearchRequest after(PageCursor next) {
    return new ZoneRideSearchRequest(
        pickupZone, dropoffZone, window, sources, minPassengers, pageSize, next);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** The first page of pickups in a busy zone over an hour: the typical request. */
  static ZoneRideSearchRequest drawn(Sampler sampler) {
    LocalDateTime from = sampler.minute(60);
    return between(
        ZoneIds.busy(sampler.fraction()), null, new TimeWindow(from, from.plusHours(1)), 100);
  }
}
