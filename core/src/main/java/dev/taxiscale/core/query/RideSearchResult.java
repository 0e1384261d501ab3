package dev.taxiscale.core.query;

import java.util.List;

/**
 * One page of a ride search.
 *
 * @param total how many trips match the whole search (all pages)
 * @param totalExact false when the cost guard estimated {@code total} instead of counting it
 * @param rides this page, in (pickup time, id) order
 * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
 */
public record RideSearchResult(
    long total,
    boolean totalExact,
    List<FoundTrip> rides,
    PageCursor nextCursor,
    List<String> notices)
    implements QueryResult {

  public RideSearchResult {
    rides = List.copyOf(rides);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
