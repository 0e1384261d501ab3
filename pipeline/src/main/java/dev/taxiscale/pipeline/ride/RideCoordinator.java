package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.BrokerUnavailableException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@link RideRequest}: starts all its parts at once through a {@link PartRunner}, waits
 * for them up to one deadline and merges what came back. A part that fails or misses the deadline
 * is reported with its problem; the others are answered regardless.
 */
public final class RideCoordinator {
  private static final Logger log = LoggerFactory.getLogger(RideCoordinator.class);

  private RideCoordinator() {}

  /** Runs one part's query somewhere: on a pool in process, or through Kafka. */
  @FunctionalInterface
  public interface PartRunner {
    /**
     * @param partId the ride's request id and the part's name, e.g. {@code ride-1f2e/fare}
     */
    CompletableFuture<Reply> run(String partId, QueryRequest query, byte[] json, Duration timeout);
  }

  /**
   * The merged reply, always with status 200; completes by {@code deadline} at the latest.
   *
   * @param requestId shared by the parts, which carry it in their ids
   */
  public static CompletableFuture<Reply> answer(
      String requestId, RideRequest ride, Duration deadline, PartRunner runner) {
    Map<RidePart, CompletableFuture<Reply>> started = new EnumMap<>(RidePart.class);
    for (RidePart part : RidePart.values()) {
      start(requestId, part, ride, deadline, runner).ifPresent(f -> started.put(part, f));
    }
    return CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new))
        .thenApply(done -> RideReply.merge(requestId, joined(started)));
  }

  private static Optional<CompletableFuture<Reply>> start(
      String requestId, RidePart part, RideRequest ride, Duration deadline, PartRunner runner) {
    Optional<QueryRequest> query;
    try {
      query = part.query(ride);
    } catch (ValidationException e) {
      return Optional.of(
          CompletableFuture.completedFuture(Reply.of(Problem.invalid(e.field(), e.reason()))));
    }
    return query.map(q -> run(requestId + "/" + part.field(), q, deadline, runner));
  }

  private static CompletableFuture<Reply> run(
      String partId, QueryRequest query, Duration deadline, PartRunner runner) {
    CompletableFuture<Reply> reply;
    try {
      reply = runner.run(partId, query, QueryJson.writeBytes(query), deadline);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    // a copy, so that the deadline never completes the runner's own future
    return reply
        .handle((ok, error) -> error == null ? ok : failure(partId, error, deadline))
        .completeOnTimeout(timedOut(deadline), deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Reply failure(String partId, Throwable error, Duration deadline) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      return timedOut(deadline);
    }
    if (cause instanceof BrokerUnavailableException) {
      return Reply.of(Problem.unavailable(cause.getMessage()));
    }
    log.error("part {} failed", partId, cause);
    return Reply.of(Problem.internal("the " + partId + " part failed"));
  }

  private static Reply timedOut(Duration deadline) {
    return Reply.of(Problem.timeout("no reply within " + deadline.toMillis() + " ms"));
  }

  private static Map<RidePart, Reply> joined(Map<RidePart, CompletableFuture<Reply>> started) {
    Map<RidePart, Reply> replies = new EnumMap<>(RidePart.class);
    started.forEach((part, future) -> replies.put(part, future.join()));
    return replies;
  }
}
