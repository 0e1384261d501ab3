package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import dev.taxiscale.pipeline.ride.RideCoordinator;
import dev.taxiscale.pipeline.ride.RideRequest;
import java.time.Duration;
import java.util.List;
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
   * Answers the parts of a composite request such as a ride request, all at once; over Kafka each
   * part goes out as its own record, with its id as the correlation id, to a worker of its own.
   */
  default List<CompletableFuture<Reply>> submitParts(
      List<RideCoordinator.Part> parts, Duration timeout) {
    return parts.stream().map(p -> submit(p.query(), p.json(), timeout)).toList();
  }

  /**
   * Answers a whole ride request: by default its parts at once through {@link #submitParts}, merged
   * by the {@link RideCoordinator}, always with status 200 by {@code timeout}.
   *
   * @param requestId the ride's id, which its answer and its parts' correlation ids carry
   */
  default CompletableFuture<Reply> answerRide(
      String requestId, RideRequest ride, Duration timeout) {
    return RideCoordinator.answer(requestId, ride, timeout, this::submitParts);
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
