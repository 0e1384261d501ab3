package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One of the ride queries. On the wire (HTTP and Kafka) it is a JSON object whose {@code type}
 * field says which; see docs/queries.md. Every request record is registered in {@link QueryType},
 * which {@link QueryJson} and every per-type dispatch ({@link ByType}) read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface QueryRequest {

  /** The wire name of this query type, the {@code type} field of its JSON. */
  String type();
}
