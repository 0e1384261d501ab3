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
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The composite ride request against its parts: the same rides sent whole to {@code
 * /api/v1/ride-request}, and each part alone to {@code /api/v1/query}, one request at a time, so
 * the parts of a whole ride can run on different nodes at once.
 *
 * <p>A whole ride waits for its slowest part, and which part that is changes from ride to ride (a
 * fare that had to widen its radius, a nearby search in a quiet street). So the yardstick is each
 * ride's own slowest part alone, sent just before or after it, and the ratio compares the medians
 * of the two.
 *
 * @param rides rides sent, each whole and part by part, in every round
 * @param compositeP50Ms the whole ride's median
 * @param partP50Ms each part's median alone
 * @param slowestP50Ms the median over rides of each ride's slowest part alone
 * @param slowestPart the part that was a ride's slowest most often
 * @param ratio composite median over {@code slowestP50Ms}
 */
public record CompositeProbe(
    int rides,
    double compositeP50Ms,
    Map<RidePart, Double> partP50Ms,
    double slowestP50Ms,
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
  public static CompositeProbe measure(URI gateway, List<RideRequest> rides, int rounds)
      throws IOException {
    Histogram whole = new Histogram(3);
    Histogram slowest = new Histogram(3);
    Map<RidePart, Histogram> parts = new EnumMap<>(RidePart.class);
    Map<RidePart, Integer> slowestCounts = new EnumMap<>(RidePart.class);
    long errors = 0;
    try (GatewayClient client =
        new GatewayClient(gateway.getHost(), gateway.getPort(), Duration.ofSeconds(30))) {
      for (int round = 0; round < rounds; round++) {
        for (RideRequest ride : rides) {
          long wholeMicros =
              time(client, "/api/v1/" + RideRequest.TYPE, RideRequestJson.write(ride));
          long slowestMicros = 0;
          RidePart slowestOfRide = null;
          for (RidePart part : RidePart.values()) {
            for (QueryRequest query : part.query(ride).stream().toList()) {
              long micros = time(client, "/api/v1/query", QueryJson.writeBytes(query));
              if (micros < 0) {
                errors++;
                continue;
              }
              parts.computeIfAbsent(part, p -> new Histogram(3)).recordValue(micros);
              if (micros > slowestMicros) {
                slowestMicros = micros;
                slowestOfRide = part;
              }
            }
          }
          if (wholeMicros < 0) {
            errors++;
          } else if (slowestOfRide != null) {
            whole.recordValue(wholeMicros);
            slowest.recordValue(slowestMicros);
            slowestCounts.merge(slowestOfRide, 1, Integer::sum);
          }
        }
      }
    }
    Map<RidePart, Double> p50 = new EnumMap<>(RidePart.class);
    parts.forEach((part, h) -> p50.put(part, h.getValueAtPercentile(50) / 1e3));
    RidePart mostOften =
        slowestCounts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double compositeMs = whole.getValueAtPercentile(50) / 1e3;
    double slowestMs = slowest.getValueAtPercentile(50) / 1e3;
    return new CompositeProbe(
        rides.size(), compositeMs, p50, slowestMs, mostOften, compositeMs / slowestMs, errors);
  }

  /** One line: the whole ride against its slowest part alone, and each part's median. */
  public String summary() {
    StringBuilder parts = new StringBuilder();
    partP50Ms.forEach(
        (part, ms) ->
            parts
                .append(parts.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f", part.field(), ms)));
    return String.format(
        Locale.ROOT,
        "%d rides, p50 %.2f ms whole against %.2f ms for each ride's slowest part alone (ratio"
            + " %.2f, most often %s; parts alone p50: %s ms; %d errors)",
        rides,
        compositeP50Ms,
        slowestP50Ms,
        ratio,
        slowestPart.field(),
        parts,
        errors);
  }

  /** Microseconds to a 200, or -1 for any other answer. */
  private static long time(GatewayClient client, String path, byte[] body) throws IOException {
    long start = System.nanoTime();
    GatewayClient.Response response = client.post(path, body);
    if (response.status() != 200) {
      return -1;
    }
    return Math.max(1, (System.nanoTime() - start) / 1_000);
  }
}
