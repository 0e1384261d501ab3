package dev.taxiscale.core.query;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of query types, in the order the API lists them: each one's wire name (its {@code
 * type} field and its API path), its request and result records, the line that sums it up in the
 * OpenAPI document, and how to draw a typical request of it (for the benchmarks and test examples).
 *
 * <p>The JSON mapping, the gateway's routes and OpenAPI paths, the bench's request set and workload
 * and the test examples read this registry. The places that need code of their own per type hold a
 * {@link ByType} table, which names the types it lacks: the store's engine (its SQL) and the Spark
 * baseline (its statement, or an explicit "none").
 */
public enum QueryType {
  NEARBY(
      NearbyCabsRequest.TYPE,
      NearbyCabsRequest.class,
      NearbyCabsResult.class,
      "Cabs that became free nearest to a point",
      NearbyCabsRequest::drawn),
  RIDES(
      RideSearchRequest.TYPE,
      RideSearchRequest.class,
      RideSearchResult.class,
      "Trips picked up or dropped off in a box during a time window, paged",
      RideSearchRequest::drawn),
  HEATMAP(
      HeatmapRequest.TYPE,
      HeatmapRequest.class,
      HeatmapResult.class,
      "Trip counts, fares, durations and speeds per H3 cell and hour",
      HeatmapRequest::drawn),
  FARE(
      FareEstimateRequest.TYPE,
      FareEstimateRequest.class,
      FareEstimateResult.class,
      "Fare and duration estimate between two points at a time of day",
      FareEstimateRequest::drawn),
  ZONE_HEATMAP(
      ZoneHeatmapRequest.TYPE,
      ZoneHeatmapRequest.class,
      ZoneHeatmapResult.class,
      "Trips, average fare, duration and speed per pickup taxi zone and hour of day",
      ZoneHeatmapRequest::drawn),
  ZONE_FARE(
      ZoneFareRequest.TYPE,
      ZoneFareRequest.class,
      ZoneFareResult.class,
      "Fare and duration estimate from one taxi zone to another",
      ZoneFareRequest::drawn),
  ZONE_RIDES(
      ZoneRideSearchRequest.TYPE,
      ZoneRideSearchRequest.class,
      ZoneRideSearchResult.class,
      "Trips picked up in and/or dropped off in a taxi zone during a time window, paged",
      ZoneRideSearchRequest::drawn);

  private final String wireName;
  private final Class<? extends QueryRequest> requestClass;
  private final Class<? extends QueryResult> resultClass;
  private final String summary;
  private final Function<Sampler, ? extends QueryRequest> drawn;

  QueryType(
      String wireName,
      Class<? extends QueryRequest> requestClass,
      Class<? extends QueryResult> resultClass,
      String summary,
      Function<Sampler, ? extends QueryRequest> drawn) {
    this.wireName = wireName;
    this.requestClass = requestClass;
    this.resultClass = resultClass;
    this.summary = summary;
    this.drawn = drawn;
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

  /** What the query answers, in one line (the OpenAPI summary of its path). */
  public String summary() {
    return summary;
  }

  /** A typical request of this type, asking where and when {@code sampler} says. */
  public QueryRequest draw(Sampler sampler) {
    return drawn.apply(sampler);
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
    return of(request.getClass());
  }

  /**
   * The type whose request record is {@code requestClass}.
   *
   * @throws IllegalArgumentException for a request class no type registers
   */
  public static QueryType of(Class<? extends QueryRequest> requestClass) {
    for (QueryType type : values()) {
      if (type.requestClass == requestClass) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        requestClass.getSimpleName() + " is not registered in QueryType");
  }
}
