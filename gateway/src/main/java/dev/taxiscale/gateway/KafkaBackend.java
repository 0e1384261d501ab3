package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestKey;
import dev.taxiscale.pipeline.client.ReplyClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Publishes requests keyed by {@link RequestKey} and waits for the workers' replies. */
public final class KafkaBackend implements QueryBackend {
  private final ReplyClient client;

  /** Takes over a started client and closes it on {@link #close()}. */
  public KafkaBackend(ReplyClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<Reply> submit(QueryRequest request, byte[] json, Duration timeout) {
    return client.request(RequestKey.IN_USE.of(request), json, timeout);
  }

  /**
   * Keys the part by its request key and type, so that the parts of one ride request, which share
   * an area, spread over partitions and so over workers.
   */
  @Override
  public CompletableFuture<Reply> submitPart(
      String partId, QueryRequest request, byte[] json, Duration timeout) {
    return client.request(
        RequestKey.IN_USE.of(request) + "/" + request.type(), json, timeout, partId);
  }

  @Override
  public boolean ready() {
    return client.ready();
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public void close() {
    client.close();
  }
}
