package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The answer to one {@link QueryRequest}, tagged on the wire with the same {@code type} as the
 * request it answers.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = NearbyCabsResult.class, name = NearbyCabsRequest.TYPE),
  @JsonSubTypes.Type(value = RideSearchResult.class, name = RideSearchRequest.TYPE),
  @JsonSubTypes.Type(value = HeatmapResult.class, name = HeatmapRequest.TYPE),
  @JsonSubTypes.Type(value = FareEstimateResult.class, name = FareEstimateRequest.TYPE)
})
public sealed interface QueryResult
    permits NearbyCabsResult, RideSearchResult, HeatmapResult, FareEstimateResult {

  /**
   * What the cost guard changed to keep the query cheap (a narrowed radius, an estimated total), in
   * words; empty when the query ran as asked.
   */
  List<String> notices();
}
