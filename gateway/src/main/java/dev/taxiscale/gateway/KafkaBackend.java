package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import dev.taxiscale.pipeline.ride.RideCoordinator;
import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Publishes requests to the least busy workers (see the client) and waits for their replies. */
public final class KafkaBackend implements QueryBackend {
  private final ReplyClient client;
  private final WorkerGroupWatch workers;
  private final RideParts rideParts;

  /**
   * Takes over a started client and a started watch and closes them on {@link #close()}.
   *
   * @param rideParts whether a ride goes out as its parts or as one record
   */
  public KafkaBackend(ReplyClient client, WorkerGroupWatch workers, RideParts rideParts) {
    this.client = client;
    this.workers = workers;
    this.rideParts = rideParts;
  }

  @Override
  public CompletableFuture<Reply> submit(QueryRequest request, byte[] json, Duration timeout) {
    return client.request(json, timeout);
  }

  /** Sends the parts together, so that each goes to a worker of its own while there are enough. */
  @Override
  public List<CompletableFuture<Reply>> submitParts(
      List<RideCoordinator.Part> parts, Duration timeout) {
    return client.requestAll(
        parts.stream().map(RideCoordinator.Part::json).toList(),
        parts.stream().map(RideCoordinator.Part::id).toList(),
        timeout);
  }

  /**
   * With the parts together, the ride is one record to the least busy worker, which answers it
   * whole ({@link dev.taxiscale.pipeline.ride.RideRequestHandler}); a worker that does not answer
   * in time fails the whole ride, where apart it fails only its part.
   */
  @Override
  public CompletableFuture<Reply> answerRide(String requestId, RideRequest ride, Duration timeout) {
    if (rideParts == RideParts.APART) {
      return QueryBackend.super.answerRide(requestId, ride, timeout);
    }
    return client
        .requestAll(List.of(RideRequestJson.write(ride)), List.of(requestId), timeout)
        .get(0);
  }

  @Override
  public boolean ready() {
    return client.ready();
  }

  @Override
  public Optional<WorkerGroupWatch> workerGroup() {
    return Optional.of(workers);
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public void close() {
    client.close();
    workers.close();
  }
}
