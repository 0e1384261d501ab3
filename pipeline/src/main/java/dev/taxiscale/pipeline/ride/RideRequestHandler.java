package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker's handler that also answers whole ride requests, as a gateway sends them when a ride's
 * parts stay together ({@code TAXISCALE_GATEWAY_RIDE_PARTS=together}) or a client writes them
 * straight to the requests topic: it runs their parts at once on its own threads with the plain
 * query handler, and hands every other request to that handler unchanged.
 */
public final class RideRequestHandler implements RequestHandler {
  /** How long a ride request without a deadline of its own may take; the gateway's default. */
  public static final Duration DEADLINE = Duration.ofSeconds(5);

  /**
   * Kept back from the requester's deadline for the merged reply's way back, so that a part that
   * runs out of time comes back as that part's problem, not as the whole ride's 504.
   */
  static final Duration REPLY_MARGIN = Duration.ofMillis(100);

  private final RequestHandler queries;
  private final Duration deadline;
  private final ExecutorService parts;

  /** Ride requests answered with {@code queries}, within {@link #DEADLINE}. */
  public RideRequestHandler(RequestHandler queries) {
    this(queries, DEADLINE);
  }

  public RideRequestHandler(RequestHandler queries, Duration deadline) {
    this.queries = queries;
    this.deadline = deadline;
    AtomicInteger n = new AtomicInteger();
    // unbounded but daemon: the worker's own pool already bounds how many ride requests run
    this.parts =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "taxiscale-ride-part-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public Reply handle(byte[] requestJson) {
    return handle(requestJson, "ride-" + UUID.randomUUID(), Instant.MAX);
  }

  /**
   * A ride's answer names it by the record's correlation id, the id the gateway gave it, and ends
   * {@link #REPLY_MARGIN} before the requester's deadline, or after {@link #DEADLINE} if sooner.
   */
  @Override
  public Reply handle(byte[] requestJson, String correlationId, Instant until) {
    if (!RideRequestJson.isRideRequest(requestJson)) {
      return queries.handle(requestJson);
    }
    RideRequest ride;
    try {
      ride = RideRequestJson.read(requestJson);
    } catch (ValidationException e) {
      return Reply.of(Problem.invalid(e.field(), e.reason()));
    }
    return RideCoordinator.answer(correlationId, ride, timeLeft(until), this::runAll).join();
  }

  private Duration timeLeft(Instant until) {
    if (until.equals(Instant.MAX)) {
      return deadline;
    }
    Duration left = Duration.between(Instant.now(), until).minus(REPLY_MARGIN);
    if (left.compareTo(deadline) > 0) {
      return deadline;
    }
    // a record read after its deadline is dropped before it gets here; this one is just short
    return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
  }

  /**
   * The first part, the costliest ({@link RidePart#SEND_ORDER}), on a thread of its own, and the
   * cheaper ones one after the other on a second: they are done before it, without taking a core
   * from it, where three threads at once would have its query share the cores with theirs. On
   * {@code taxiscale up} the whole ride against its slowest part went from 1.20-1.31 with a thread
   * each to 1.10-1.21 (docs/bench.md, "A ride's parts together").
   */
  private List<CompletableFuture<Reply>> runAll(
      List<RideCoordinator.Part> ridesParts, Duration timeout) {
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < ridesParts.size(); i++) {
      replies.add(new CompletableFuture<>());
    }
    if (replies.isEmpty()) {
      return replies;
    }
    parts.execute(() -> answer(ridesParts.get(0), replies.get(0)));
    if (replies.size() > 1) {
      parts.execute(
          () -> {
            for (int i = 1; i < ridesParts.size(); i++) {
              answer(ridesParts.get(i), replies.get(i));
            }
          });
    }
    return replies;
  }

  private void answer(RideCoordinator.Part part, CompletableFuture<Reply> reply) {
    try {
      reply.complete(queries.handle(part.json()));
    } catch (RuntimeException e) {
      reply.completeExceptionally(e);
    }
  }
}
