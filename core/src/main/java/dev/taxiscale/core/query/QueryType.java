package dev.taxiscale.core.query;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of query types: each one's wire name (its {@code type} field and its API path), its
 * request record and its result record, in the order the API lists them.
 *
 * <p>Adding a query type adds a constant here and a method to {@link QueryRequest.Visitor}; the
 * compiler then names every place that dispatches on requests (a visitor) or on type names (an
 * exhaustive {@code switch} over this enum).
 */
public enum QueryType {
  NEARBY(NearbyCabsRequest.TYPE, NearbyCabsRequest.class, NearbyCabsResult.class),
  RIDES(RideSearchRequest.TYPE, RideSearchRequest.class, RideSearchResult.class),
  HEATMAP(HeatmapRequest.TYPE, HeatmapRequest.class, HeatmapResult.class),
  FARE(FareEstimateRequest.TYPE, FareEstimateRequest.class, FareEstimateResult.class);

  private final String wireName;
  private final Class<? extends QueryRequest> requestClass;
  private final Class<? extends QueryResult> resultClass;

  QueryType(
      String wireName,
      Class<? extends QueryRequest> requestClass,
      Class<? extends QueryResult> resultClass) {
    this.wireName = wireName;
    this.requestClass = requestClass;
    this.resultClass = resultClass;
  }

  /** The {@code type} field of the request and result JSON, and the path under the API. */
  public String wireName() {
    return wireName;
  }

  public Class<? extends QueryRequest> requestClass() {
    return requestClass;
  }

  public Class<? extends QueryResult> resultClass() {
    return resultClass;
  }

  /** Every wire name, in registry order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(QueryType::wireName).toList();
  }

  /** The wire names joined for messages: {@code nearby, rides, heatmap, fare}. */
  public static String listed(String separator) {
    return Arrays.stream(values()).map(QueryType::wireName).collect(Collectors.joining(separator));
  }

  /**
   * The type with this wire name.
   *
   * @throws IllegalArgumentException naming the allowed names when there is none
   */
  public static QueryType named(String wireName) {
    for (QueryType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown query type '" + wireName + "', expected one of " + listed(","));
  }

  /** The type of a request. */
  public static QueryType of(QueryRequest request) {
    return named(request.type());
  }
}
