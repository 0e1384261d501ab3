package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One of the four ride queries. On the wire (HTTP and Kafka) it is a JSON object whose {@code type}
 * field says which: {@value NearbyCabsRequest#TYPE}, {@value RideSearchRequest#TYPE}, {@value
 * HeatmapRequest#TYPE} or {@value FareEstimateRequest#TYPE}; see docs/queries.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = NearbyCabsRequest.class, name = NearbyCabsRequest.TYPE),
  @JsonSubTypes.Type(value = RideSearchRequest.class, name = RideSearchRequest.TYPE),
  @JsonSubTypes.Type(value = HeatmapRequest.class, name = HeatmapRequest.TYPE),
  @JsonSubTypes.Type(value = FareEstimateRequest.class, name = FareEstimateRequest.TYPE)
})
public sealed interface QueryRequest
    permits NearbyCabsRequest, RideSearchRequest, HeatmapRequest, FareEstimateRequest {

  /** The wire name of this query type, the {@code type} field of its JSON. */
  String type();
}
