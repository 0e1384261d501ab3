package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One of the four ride queries. On the wire (HTTP and Kafka) it is a JSON object whose {@code type}
 * field says which: {@value NearbyCabsRequest#TYPE}, {@value RideSearchRequest#TYPE}, {@value
 * HeatmapRequest#TYPE} or {@value FareEstimateRequest#TYPE}; see docs/queries.md. The names and
 * classes are registered in {@link QueryType}, which {@link QueryJson} reads.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface QueryRequest
    permits NearbyCabsRequest, RideSearchRequest, HeatmapRequest, FareEstimateRequest {

  /** The wire name of this query type, the {@code type} field of its JSON. */
  String type();

  /** Calls the visitor's method for this request's type. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per query type. Every place that acts on a request by its type implements this, so a
   * new type is a compile error at each of them until it is handled there.
   */
  interface Visitor<R> {
    R nearby(NearbyCabsRequest request);

    R rides(RideSearchRequest request);

    R heatmap(HeatmapRequest request);

    R fare(FareEstimateRequest request);
  }
}
