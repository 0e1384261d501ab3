package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.BrokerUnavailableException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one handler behind the query routes ({@link Admission} admitted the request): validate, hand
 * to the backend and answer with its reply, or with a 503 or 504 problem when none can come.
 */
final class QueryEndpoint {
  private static final Logger log = LoggerFactory.getLogger(QueryEndpoint.class);
  static final String RETRY_AFTER_SECONDS = "1";

  private final GatewayConfig config;
  private final QueryBackend backend;
  private final RequestReader reader;
  private final GatewayMetrics metrics;

  QueryEndpoint(GatewayConfig config, QueryBackend backend, GatewayMetrics metrics) {
    this.config = config;
    this.backend = backend;
    this.reader = new RequestReader(config.maxBodyBytes());
    this.metrics = metrics;
  }

  /**
   * @param pathType the query type named by the path, or {@code null} to take it from the body
   */
  void handle(Context ctx, String pathType) {
    QueryRequest request = reader.read(ctx, pathType);
    long start = System.nanoTime();
    byte[] json = QueryJson.writeBytes(request);
    ctx.future(
        () ->
            backend
                .submit(request, json, config.requestTimeout())
                .handle(
                    (reply, error) ->
                        error == null ? reply : failure(error, config.requestTimeout()))
                .thenAccept(
                    reply -> {
                      metrics.answered(request.type(), reply.status(), System.nanoTime() - start);
                      respond(ctx, reply);
                    }));
  }

  /** The problem for a request that got no reply: 504, 503 or, for anything else, 500. */
  static Reply failure(Throwable error, Duration timeout) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      return Reply.of(Problem.timeout("no reply within " + timeout.toMillis() + " ms"));
    }
    if (cause instanceof BrokerUnavailableException) {
      return Reply.of(Problem.unavailable(cause.getMessage()));
    }
    log.error("query failed", cause);
    return Reply.of(Problem.internal("the gateway failed to answer"));
  }

  static void respond(Context ctx, Reply reply) {
    if (reply.status() == 503) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
  }
}
