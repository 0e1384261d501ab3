package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.BrokerUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  /** Runs the parts' queries somewhere: on a pool in process, or through Kafka. */
  @FunctionalInterface
  public interface PartRunner {
    /**
     * Starts every part at once; the futures come back in the order of {@code parts}.
     *
     * @param timeout how long a part may take; the coordinator stops waiting then anyway
     */
    List<CompletableFuture<Reply>> runAll(List<Part> parts, Duration timeout);
  }

  /**
   * One part as sent.
   *
   * @param id the ride's request id and the part's name, e.g. {@code ride-1f2e/fare}
   * @param json the query as JSON, as workers receive it
   */
  public record Part(String id, QueryRequest query, byte[] json) {}

  /**
   * The merged reply, always with status 200; completes by {@code deadline} at the latest.
   *
   * @param requestId shared by the parts, which carry it in their ids
   */
  public static CompletableFuture<Reply> answer(
      String requestId, RideRequest ride, Duration deadline, PartRunner runner) {
    Map<RidePart, CompletableFuture<Reply>> answered = new EnumMap<>(RidePart.class);
    List<RidePart> asked = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    for (RidePart part : RidePart.SEND_ORDER) {
      try {
        part.query(ride)
            .ifPresent(
                q -> {
                  asked.add(part);
                  String id = requestId + "/" + part.field();
                  parts.add(new Part(id, q, QueryJson.writeBytes(q)));
                });
      } catch (ValidationException e) {
        answered.put(
            part,
            CompletableFuture.completedFuture(Reply.of(Problem.invalid(e.field(), e.reason()))));
      }
    }
    List<CompletableFuture<Reply>> replies = runAll(runner, parts, deadline);
    for (int i = 0; i < asked.size(); i++) {
      answered.put(asked.get(i), guarded(parts.get(i).id(), replies.get(i), deadline));
    }
    return CompletableFuture.allOf(answered.values().toArray(CompletableFuture[]::new))
        .thenApply(done -> RideReply.merge(requestId, joined(answered)));
  }

  private static List<CompletableFuture<Reply>> runAll(
      PartRunner runner, List<Part> parts, Duration deadline) {
    try {
      return runner.runAll(parts, deadline);
    } catch (RuntimeException e) {
      return parts.stream().map(p -> CompletableFuture.<Reply>failedFuture(e)).toList();
    }
  }

  /** A copy of the part's reply that fails into a problem and completes by the deadline. */
  private static CompletableFuture<Reply> guarded(
      String partId, CompletableFuture<Reply> reply, Duration deadline) {
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
