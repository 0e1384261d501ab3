package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import dev.taxiscale.pipeline.ride.RideCoordinator;
import dev.taxiscale.pipeline.ride.RideRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A backend that answers as the one it wraps but reports ready only once {@link #open()}ed: the
 * process keeps {@code /ready} false while it warms up through its own API, so that a load balancer
 * sends users only to compiled code.
 */
public final class GatedBackend implements QueryBackend {
  private final QueryBackend backend;
  private volatile boolean open;

  public GatedBackend(QueryBackend backend) {
    this.backend = backend;
  }

  /** From now on ready whenever the wrapped backend is. */
  public void open() {
    open = true;
  }

  @Override
  public CompletableFuture<Reply> submit(QueryRequest request, byte[] json, Duration timeout) {
    return backend.submit(request, json, timeout);
  }

  @Override
  public List<CompletableFuture<Reply>> submitParts(
      List<RideCoordinator.Part> parts, Duration timeout) {
    return backend.submitParts(parts, timeout);
  }

  @Override
  public CompletableFuture<Reply> answerRide(String requestId, RideRequest ride, Duration timeout) {
    return backend.answerRide(requestId, ride, timeout);
  }

  @Override
  public boolean ready() {
    return open && backend.ready();
  }

  /** The wrapped backend's workers: the gate holds requests back, not the live panel's figures. */
  @Override
  public Optional<WorkerGroupWatch> workerGroup() {
    return backend.workerGroup();
  }

  @Override
  public String name() {
    return backend.name();
  }

  @Override
  public void close() {
    backend.close();
  }
}
