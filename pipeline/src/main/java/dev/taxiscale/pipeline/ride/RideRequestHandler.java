package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker's handler that also answers ride requests sent straight to the requests topic: it runs
 * their parts at once on its own threads with the plain query handler, and hands every other
 * request to that handler unchanged.
 */
public final class RideRequestHandler implements RequestHandler {
  /** How long a ride request sent straight to a worker may take; the gateway's default timeout. */
  public static final Duration DEADLINE = Duration.ofSeconds(5);

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
    if (!RideRequestJson.isRideRequest(requestJson)) {
      return queries.handle(requestJson);
    }
    RideRequest ride;
    try {
      ride = RideRequestJson.read(requestJson);
    } catch (ValidationException e) {
      return Reply.of(Problem.invalid(e.field(), e.reason()));
    }
    String requestId = "ride-" + UUID.randomUUID();
    return RideCoordinator.answer(requestId, ride, deadline, this::runAll).join();
  }

  private List<CompletableFuture<Reply>> runAll(
      List<RideCoordinator.Part> ridesParts, Duration timeout) {
    return ridesParts.stream()
        .map(part -> CompletableFuture.supplyAsync(() -> queries.handle(part.json()), parts))
        .toList();
  }
}
