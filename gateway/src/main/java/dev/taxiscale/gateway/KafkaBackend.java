package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import dev.taxiscale.pipeline.ride.RideCoordinator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Publishes requests to the least busy workers (see the client) and waits for their replies. */
public final class KafkaBackend implements QueryBackend {
  private final ReplyClient client;
  private final WorkerGroupWatch workers;

  /** Takes over a started client and a started watch and closes them on {@link #close()}. */
  public KafkaBackend(ReplyClient client, WorkerGroupWatch workers) {
    this.client = client;
    this.workers = workers;
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
