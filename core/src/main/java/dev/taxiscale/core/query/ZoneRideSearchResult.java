package dev.taxiscale.core.query;

import java.util.List;

/**
 * One page of a ride search by zone, shaped like {@link RideSearchResult}.
 *
 * @param total how many trips match the whole search (all pages)
 * @param totalExact false when the count stopped at its cap
 * @param rides this page, in (pickup time, id) order
 * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
 */
public record ZoneRideSearchResult(
    long total,
    boolean totalExact,
    List<FoundTrip> rides,
    PageCursor nextCursor,
    List<String> notices)
    implements QueryResult {

  public ZoneRideSearchResult {
    rides = List.copyOf(rides);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
