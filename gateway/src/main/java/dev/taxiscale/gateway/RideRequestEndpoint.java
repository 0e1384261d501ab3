package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * {@code POST /api/v1/ride-request}: hands the ride to the backend, which runs its parts at once
 * (over Kafka each part is its own record, or the ride is one, see {@link RideParts}), and answers
 * with the merged parts, failed ones as problems, within the gateway's request timeout.
 */
final class RideRequestEndpoint {
  private final GatewayConfig config;
  private final QueryBackend backend;
  private final RequestReader reader;
  private final GatewayMetrics metrics;

  RideRequestEndpoint(GatewayConfig config, QueryBackend backend, GatewayMetrics metrics) {
    this.config = config;
    this.backend = backend;
    this.reader = new RequestReader(config.maxBodyBytes());
    this.metrics = metrics;
  }

  void handle(Context ctx) {
    RideRequest ride = RideRequestJson.read(reader.readObject(ctx));
    long start = System.nanoTime();
    String requestId = "ride-" + UUID.randomUUID();
    ctx.future(
        () ->
            backend
                .answerRide(requestId, ride, config.requestTimeout())
                .handle(
                    (reply, error) ->
                        error == null
                            ? reply
                            : QueryEndpoint.failure(error, config.requestTimeout()))
                .thenAccept(
                    reply -> {
                      metrics.answered(RideRequest.TYPE, reply.status(), System.nanoTime() - start);
                      QueryEndpoint.respond(ctx, reply);
                    }));
  }
}
