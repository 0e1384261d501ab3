package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Publishes requests, each keyed by its own id, and waits for the workers' replies. */
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

  /** Keys the part by its own id, so the parts of one ride spread over partitions and workers. */
  @Override
  public CompletableFuture<Reply> submitPart(
      String partId, QueryRequest request, byte[] json, Duration timeout) {
    return client.request(partId, json, timeout, partId);
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
