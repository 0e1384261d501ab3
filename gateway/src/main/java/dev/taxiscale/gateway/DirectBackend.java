package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs requests in this process on a pool as large as the connection pool, with the same handler
 * the workers use: the Kafka pipeline minus Kafka, to measure what the hops cost.
 */
public final class DirectBackend implements QueryBackend {
  private final RequestHandler handler;
  private final ExecutorService pool;

  /**
   * @param threads requests run at once; no more than the handler's database connections
   */
  public DirectBackend(RequestHandler handler, int threads) {
    this.handler = handler;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads, r -> new Thread(r, "taxiscale-direct-" + n.incrementAndGet()));
  }

  @Override
  public CompletableFuture<Reply> submit(QueryRequest request, byte[] json, Duration timeout) {
    return CompletableFuture.supplyAsync(() -> handler.handle(json), pool)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean ready() {
    return !pool.isShutdown();
  }

  @Override
  public String name() {
    return "direct";
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
