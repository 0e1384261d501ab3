package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Far more clients than the gateway can answer in time: the admitted ones are answered, the others
 * are turned away at once with a 503, and nobody is left waiting.
 */
class OverloadIntegrationTest {
  /** Generous: long enough for any answer, short enough to catch a request that hangs. */
  private static final Duration HANG = Duration.ofSeconds(30);

  private static final GatewayConfig CONFIG =
      GatewayConfig.defaults()
          .withPort(0)
          .withMode(GatewayConfig.Mode.DIRECT)
          .withConnections(
              new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 2_000));

  private final CountDownLatch release = new CountDownLatch(1);
  private Gateway gateway;

  @AfterEach
  void stop() {
    release.countDown();
    gateway.close();
  }

  /** A backend that answers {@code perSecond} requests a second, whatever is asked. */
  private void start(GatewayConfig config, int perSecond) {
    int threads = 2;
    long millis = 1_000L * threads / perSecond;
    start(config, () -> sleep(millis), threads);
  }

  private void start(GatewayConfig config, Runnable work, int threads) {
    DirectBackend backend =
        new DirectBackend(
            json -> {
              work.run();
              return Reply.ok(NO_CABS.getBytes(UTF_8));
            },
            threads);
    gateway =
        new Gateway(config, backend, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
  }

  @Test
  void shouldAnswerEveryAdmittedRequestAndTurnTheRestAwayWithRetryAfter() {
    // 400 clients at once, each asking three times, where 200 answers a second fit: without a
    // bound that follows the backend's pace, the last admitted wait past the 2 s timeout
    start(CONFIG.withRequestTimeout(Duration.ofSeconds(2)), 200);
    HttpClient client = HttpClient.newBuilder().connectTimeout(HANG).build();
    ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();

    List<CompletableFuture<Void>> clients =
        IntStream.range(0, 400).mapToObj(i -> askThreeTimes(client, answers)).toList();
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();

    assertThat(answers).hasSize(1_200);
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503);
    assertThat(answers).filteredOn(a -> a.statusCode() == 200).isNotEmpty();
    assertThat(answers)
        .filteredOn(a -> a.statusCode() == 503)
        .isNotEmpty()
        .allSatisfy(
            a ->
                assertThat(a.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                        seconds ->
                            assertThat(Integer.parseInt(seconds))
                                .isBetween(1, RetryAfter.MAX_SECONDS)));
  }

  @Test
  void shouldAskClientsToWaitLongerWhileTheRefusalsGoOn() throws Exception {
    Thread admitted = takeTheOnlyPlace();
    List<String> retryAfter = new ArrayList<>();

    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout((int) HANG.toMillis());
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
      // refused again and again for a little over two seconds
      long end = System.nanoTime() + Duration.ofMillis(2_300).toNanos();
      while (System.nanoTime() < end) {
        send(socket, "POST /api/v1/nearby HTTP/1.1", "Content-Length: 2", "{}");
        List<String> head = answerHead(in);
        assertThat(head).first().asString().startsWith("HTTP/1.1 503");
        head.stream()
            .filter(h -> h.toLowerCase(Locale.ROOT).startsWith("retry-after:"))
            .map(h -> h.substring(12).trim())
            .forEach(retryAfter::add);
        Thread.sleep(50);
      }
    }
    release.countDown();
    admitted.join();

    assertThat(retryAfter).first().isEqualTo("1");
    assertThat(retryAfter).contains("2").last().isEqualTo("4");
  }

  @Test
  void shouldTurnARequestAwayBeforeItReachesAHandlerWhenFull() throws Exception {
    Thread admitted = takeTheOnlyPlace();

    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout((int) HANG.toMillis());
      send(socket, "POST /api/v1/nearby HTTP/1.1", "Content-Length: 2", "{}");
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));

      assertThat(in.readLine()).startsWith("HTTP/1.1 503");
    }
    release.countDown();
    admitted.join();
  }

  @Test
  void shouldTurnARequestAwayBeforeItsBodyArrivesWhenFull() throws Exception {
    Thread admitted = takeTheOnlyPlace();

    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout((int) HANG.toMillis());
      // the headers promise a body that never comes
      send(socket, "POST /api/v1/nearby HTTP/1.1", "Content-Length: 10000", "");
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));

      assertThat(in.readLine()).startsWith("HTTP/1.1 503");
    }
    release.countDown();
    admitted.join();
  }

  @Test
  void shouldKeepTheConnectionOpenAfterTurningARequestAway() throws Exception {
    Thread admitted = takeTheOnlyPlace();

    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout((int) HANG.toMillis());
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
      send(socket, "POST /api/v1/nearby HTTP/1.1", "Content-Length: 2", "{}");
      List<String> first = answerHead(in);
      send(socket, "POST /api/v1/nearby HTTP/1.1", "Content-Length: 2", "{}");
      List<String> second = answerHead(in);

      assertThat(first).first().asString().startsWith("HTTP/1.1 503");
      assertThat(first).noneMatch(h -> h.equalsIgnoreCase("Connection: close"));
      assertThat(second).first().asString().startsWith("HTTP/1.1 503");
    }
    release.countDown();
    admitted.join();
  }

  private static void send(Socket socket, String requestLine, String length, String body)
      throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(
        (requestLine
                + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + length
                + "\r\n\r\n"
                + body)
            .getBytes(UTF_8));
    out.flush();
  }

  /** The status line and headers of one answer, its body read past; empty once closed. */
  private static List<String> answerHead(BufferedReader in) throws Exception {
    List<String> head = new ArrayList<>();
    int length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      head.add(line);
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.skip(length);
    return head;
  }

  /** Starts a gateway with one place and a request that holds it until {@link #release}. */
  private Thread takeTheOnlyPlace() throws InterruptedException {
    start(CONFIG.withMaxInFlight(1), this::awaitRelease, 1);
    Http http = new Http(gateway.port(), HANG);
    Thread admitted = new Thread(() -> http.postJson("/api/v1/nearby", NEARBY_EMPIRE_STATE));
    admitted.start();
    awaitInFlight(http, 1);
    return admitted;
  }

  private CompletableFuture<Void> askThreeTimes(
      HttpClient client, ConcurrentLinkedQueue<HttpResponse<String>> answers) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (int i = 0; i < 3; i++) {
      chain =
          chain
              .thenCompose(
                  ignored -> client.sendAsync(nearby(), HttpResponse.BodyHandlers.ofString()))
              .thenAccept(answers::add);
    }
    return chain;
  }

  private HttpRequest nearby() {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/nearby"))
        .header("Content-Type", "application/json")
        .timeout(HANG)
        .POST(HttpRequest.BodyPublishers.ofString(NEARBY_EMPIRE_STATE))
        .build();
  }

  private void awaitRelease() {
    try {
      release.await(HANG.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitInFlight(Http http, int n) throws InterruptedException {
    long deadline = System.nanoTime() + HANG.toNanos();
    while (!http.get("/metrics").body().contains("taxiscale_gateway_in_flight " + n + ".0")) {
      assertThat(System.nanoTime()).as("request in flight").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
