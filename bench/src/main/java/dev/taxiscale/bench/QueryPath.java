package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;

/** One way of answering a request, from a direct JDBC call to HTTP through Kafka workers. */
public interface QueryPath extends AutoCloseable {

  /** Short name for the report, e.g. {@code engine}. */
  String name();

  /** Worker processes behind this path, 0 when it has none. */
  default int workers() {
    return 0;
  }

  /** Answers one request; throws when the answer is an error. Must be thread-safe. */
  void answer(QueryRequest request) throws Exception;

  @Override
  default void close() throws Exception {}
}
