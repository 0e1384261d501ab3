package dev.taxiscale.bench.firstminutes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taxiscale.bench.CompositeProbe;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.gateway.GatewayClient;
import dev.taxiscale.pipeline.ride.RideRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a new user meets in the first minutes, measured through the HTTP API of a running {@code
 * taxiscale up} as soon as it reports ready: the first ride request, the first twenty, fares for
 * twenty random Manhattan pairs, then the same after a warm load, nearby over one kept-alive
 * connection, and ride requests against their slowest part asked alone ({@link CompositeProbe}).
 * Start {@code up} and this right after it, against a fresh process:
 *
 * <pre>
 * ./taxiscale up --data-dir /tmp/ts --http-port 18080 &amp;
 * ./taxiscale bench --suite first-minutes --url http://127.0.0.1:18080
 * </pre>
 *
 * It waits for {@code /ready}, so it may start before {@code up} has. Takes the warm load's length
 * (120 s) plus about 10 s.
 */
public final class FirstMinutes {
  static final String RIDE = "/api/v1/ride-request";
  static final String FARE = "/api/v1/fare";
  static final String NEARBY = "/api/v1/nearby";

  private final URI base;
  private final Duration warmLoad;
  private final LocalDateTime time;
  private final PrintStream out;
  private final long seed;
  private final ManhattanClicks clicks;

  /**
   * @param time when the users ask; 18:00 on a weekday of the data's month
   */
  public FirstMinutes(URI base, Duration warmLoad, LocalDateTime time, long seed, PrintStream out) {
    this.base = base;
    this.warmLoad = warmLoad;
    this.time = time;
    this.out = out;
    this.seed = seed;
    this.clicks = new ManhattanClicks(seed, time);
  }

  /** Runs every stage and prints each figure and the goals; true when every request answered. */
  public boolean run() throws IOException, InterruptedException {
    double waited = Readiness.await(base, Duration.ofMinutes(30));
    out.printf(Locale.ROOT, "ready after waiting %.1f s; asking as of %s%n", waited, time);
    try (GatewayClient browser = client()) {
      warmOwnSide(browser);
      Timings first20 = timed("first 20 ride requests", 20, browser, RIDE, clicks::rideRequest);
      double first = first20.firstMillis();
      out.printf(Locale.ROOT, "first ride request: %.1f ms%n", first);
      out.println(first20);
      FarePairs pairs = FarePairs.ask(browser, clicks, 20);
      out.println(pairs);
      long warmed = WarmLoad.run(this::client, seed + 1, time, warmLoad);
      out.printf(
          "warm load: %,d requests in %d s (ride, fare, nearby on 2 connections)%n",
          warmed, warmLoad.toSeconds());
      Timings warm = timed("100 ride requests after it", 100, browser, RIDE, clicks::rideRequest);
      out.println(warm);
      Timings nearby =
          timed("nearby, one kept-alive connection", 500, browser, NEARBY, clicks::nearby);
      out.println(nearby);
      CompositeProbe composite = CompositeProbe.measure(base, rides(COMPOSITE_RIDES), 1);
      out.println("ride request whole and part by part: " + composite.summary());
      out.println();
      goal("first request after ready < 100 ms", first, first < 100);
      goal(
          "first-20 ride p50 <= 2x warm ride p50",
          first20.p50() / warm.p50(),
          first20.p50() <= 2 * warm.p50());
      goal("warm nearby p50 <= 3 ms", nearby.p50(), nearby.p50() <= 3);
      goal("ride request p50 <= 10 ms", warm.p50(), warm.p50() <= 10);
      goal(
          "ride request p50 <= 1.3x its slowest part",
          composite.ratio(),
          composite.ratio() <= 1.3 && composite.errors() == 0);
      goal("Manhattan pairs with a fare >= 18/20", pairs.enough(), pairs.enough() >= 18);
    }
    return true;
  }

  /**
   * Requests this process sends before timing anything, each one the gateway refuses at once (an
   * empty body: a 400 before any query runs). They load and compile this JVM's own client and JSON
   * code, so that the first timed requests measure the server rather than this process starting up:
   * interpreted, reading and parsing one answer took several milliseconds here, which a browser,
   * long warm, does not spend. Timings stop when the answer is read, before it is parsed.
   */
  static final int OWN_WARM_UP = 2_000;

  private void warmOwnSide(GatewayClient browser) throws IOException {
    // clicks of their own, so that the timed stages still ask the seed's requests
    ManhattanClicks drafts = new ManhattanClicks(seed - 1, time);
    byte[] empty = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < OWN_WARM_UP; i++) {
      drafts.rideRequest();
      GatewayClient.Response refused = browser.post(NEARBY, empty);
      QueryJson.mapper().readTree(refused.body());
    }
  }

  /** Rides sent whole and then part by part, after the warm load. */
  static final int COMPOSITE_RIDES = 100;

  private List<RideRequest> rides(int n) {
    List<RideRequest> rides = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rides.add(clicks.ride());
    }
    return rides;
  }

  private GatewayClient client() {
    return new GatewayClient(base.getHost(), base.getPort(), Duration.ofSeconds(30));
  }

  private void goal(String what, double measured, boolean met) {
    out.printf(Locale.ROOT, "%-42s %8.2f  %s%n", what, measured, met ? "met" : "MISSED");
  }

  /** Sends {@code n} requests one after another, timing each, failing on any status but 200. */
  static Timings timed(
      String stage, int n, GatewayClient client, String path, Supplier<byte[]> bodies)
      throws IOException {
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      byte[] body = bodies.get();
      long start = System.nanoTime();
      GatewayClient.Response response = client.post(path, body);
      millis[i] = (System.nanoTime() - start) / 1e6;
      ok(response, path);
    }
    return new Timings(stage, millis);
  }

  static JsonNode ok(GatewayClient.Response response, String path) throws IOException {
    if (response.status() != 200) {
      throw new IOException(path + " answered " + response.status() + ": " + response.text());
    }
    return QueryJson.mapper().readTree(response.body());
  }

  /** How many of some Manhattan pairs get a fare, and at which radii. */
  record FarePairs(int asked, int enough, Map<Integer, Integer> byRadius, Timings timings) {
    static FarePairs ask(GatewayClient client, ManhattanClicks clicks, int n) throws IOException {
      Map<Integer, Integer> byRadius = new TreeMap<>();
      List<Double> millis = new ArrayList<>();
      int enough = 0;
      for (int i = 0; i < n; i++) {
        byte[] body = clicks.fare();
        long start = System.nanoTime();
        GatewayClient.Response response = client.post(FARE, body);
        millis.add((System.nanoTime() - start) / 1e6);
        JsonNode result = ok(response, FARE);
        enough += result.path("enough").asBoolean() ? 1 : 0;
        byRadius.merge(result.path("radiusMeters").asInt(), 1, Integer::sum);
      }
      double[] ms = millis.stream().mapToDouble(Double::doubleValue).toArray();
      return new FarePairs(n, enough, byRadius, new Timings("fares", ms));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "fare for %d random Manhattan pairs: %d with enough trips; radius used (m=pairs) %s;"
              + " p50 %.1f ms",
          asked,
          enough,
          byRadius,
          timings.p50());
    }
  }
}
