package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import java.time.Duration;
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

  /** Whether requests can be answered now. */
  boolean ready();

  /** {@code kafka} or {@code direct}, for the readiness answer. */
  String name();

  @Override
  void close();
}
