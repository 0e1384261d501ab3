package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where the gateway sends a validated request: to the Kafka workers or to an in-process engine. */
public interface QueryBackend extends AutoCloseable {

  /**
   * Answers a request; the future fails with {@link java.util.concurrent.TimeoutException} after
   * {@code timeout} and with {@link dev.taxiscale.pipeline.client.BrokerUnavailableException} when
   * the request cannot be handed on.
   *
   * @param json the request as JSON, as the workers receive it
   */
  CompletableFuture<Reply> submit(QueryRequest request, byte[] json, Duration timeout);

  /**
   * Answers one part of a composite request such as a ride request; over Kafka the part goes out as
   * its own record, with {@code partId} as its correlation id.
   */
  default CompletableFuture<Reply> submitPart(
      String partId, QueryRequest request, byte[] json, Duration timeout) {
    return submit(request, json, timeout);
  }

  /** Whether requests can be answered now. */
  boolean ready();

  /** The workers' consumer group when requests go to workers; empty when answered in-process. */
  default Optional<WorkerGroupWatch> workerGroup() {
    return Optional.empty();
  }

  /** {@code kafka} or {@code direct}, for the readiness answer. */
  String name();

  @Override
  void close();
}
