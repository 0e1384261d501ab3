package dev.taxiscale.bench;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.gateway.GatewayClient;
import dev.taxiscale.pipeline.ride.RidePart;
import dev.taxiscale.pipeline.ride.RideRequest;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The composite ride request against its parts: the same rides sent whole to {@code
 * /api/v1/ride-request}, and each part alone to {@code /api/v1/query}, one request at a time, so
 * the parts of a whole ride can run on different nodes at once.
 *
 * @param rides rides sent, each whole and part by part, in every round
 * @param compositeP50Ms the whole ride's median
 * @param partP50Ms each part's median alone
 * @param slowestPart the part whose median is highest
 * @param ratio composite median over the slowest part's median
 */
public record CompositeProbe(
    int rides,
    double compositeP50Ms,
    Map<RidePart, Double> partP50Ms,
    RidePart slowestPart,
    double ratio,
    long errors) {

  /** Rides built from the set's fare requests: pickup, destination and time as asked there. */
  static List<RideRequest> rides(RequestSet set) {
    List<RideRequest> rides = new ArrayList<>();
    for (QueryRequest q : set.requests()) {
      if (q instanceof FareEstimateRequest fare) {
        rides.add(
            new RideRequest(
                fare.from(),
                new RideRequest.Position(fare.to().lon(), fare.to().lat()),
                fare.time()));
      }
    }
    return rides;
  }

  /** Sends every ride whole and part by part {@code rounds} times, taking turns. */
  static CompositeProbe measure(URI gateway, List<RideRequest> rides, int rounds)
      throws IOException {
    Histogram whole = new Histogram(3);
    Map<RidePart, Histogram> parts = new EnumMap<>(RidePart.class);
    long errors = 0;
    try (GatewayClient client =
        new GatewayClient(gateway.getHost(), gateway.getPort(), Duration.ofSeconds(30))) {
      for (int round = 0; round < rounds; round++) {
        for (RideRequest ride : rides) {
          errors += time(whole, client, "/api/v1/" + RideRequest.TYPE, RideRequestJson.write(ride));
          for (RidePart part : RidePart.values()) {
            for (QueryRequest query : part.query(ride).stream().toList()) {
              Histogram h = parts.computeIfAbsent(part, p -> new Histogram(3));
              errors += time(h, client, "/api/v1/query", QueryJson.writeBytes(query));
            }
          }
        }
      }
    }
    Map<RidePart, Double> p50 = new EnumMap<>(RidePart.class);
    parts.forEach((part, h) -> p50.put(part, h.getValueAtPercentile(50) / 1e3));
    RidePart slowest =
        p50.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double compositeMs = whole.getValueAtPercentile(50) / 1e3;
    return new CompositeProbe(
        rides.size(), compositeMs, p50, slowest, compositeMs / p50.get(slowest), errors);
  }

  private static int time(Histogram into, GatewayClient client, String path, byte[] body)
      throws IOException {
    long start = System.nanoTime();
    GatewayClient.Response response = client.post(path, body);
    if (response.status() != 200) {
      return 1;
    }
    into.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
    return 0;
  }
}
