package dev.taxiscale.gateway;

import static dev.taxiscale.gateway.Fixtures.NEARBY_EMPIRE_STATE;
import static dev.taxiscale.gateway.Fixtures.NO_CABS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * What turning a request away costs the gateway: its only admission place is held by a request that
 * does not end, and clients ask again at once after every 503, each over one kept-alive connection.
 * Prints refusals per second, this JVM's CPU and allocation per refusal (the clients' included,
 * which stay the same from one gateway version to the next) and how often the gateway closed a
 * connection. Not part of the build's tests (its name does not end in Test); run it with
 *
 * <pre>
 * ./mvnw -q -o -pl gateway -am verify -Dtest=RefusalBenchmark -Dit.test=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * cat gateway/target/surefire-reports/dev.taxiscale.gateway.RefusalBenchmark-output.txt
 * </pre>
 *
 * <p>About 30 s: a 10 s warm-up, then 10 s measured, with 200 clients.
 */
class RefusalBenchmark {
  private static final int CLIENTS = 200;
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final Duration MEASURED = Duration.ofSeconds(10);
  private static final byte[] REQUEST =
      ("POST /api/v1/nearby HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + NEARBY_EMPIRE_STATE.getBytes(UTF_8).length
              + "\r\n\r\n"
              + NEARBY_EMPIRE_STATE)
          .getBytes(UTF_8);

  @Test
  void measureWhatARefusalCosts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GatewayConfig config =
        GatewayConfig.defaults()
            .withPort(0)
            .withMode(GatewayConfig.Mode.DIRECT)
            .withMaxInFlight(1)
            .withConnections(
                new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 10_000));
    DirectBackend backend =
        new DirectBackend(
            json -> {
              awaitQuietly(release);
              return Reply.ok(NO_CABS.getBytes(UTF_8));
            },
            1);
    try (Gateway gateway =
        new Gateway(config, backend, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start()) {
      Thread held = new Thread(() -> holdThePlace(gateway.port()));
      held.start();
      Http http = new Http(gateway.port(), Duration.ofSeconds(30));
      while (!http.get("/metrics").body().contains("taxiscale_gateway_in_flight 1.0")) {
        Thread.sleep(10);
      }
      Tally warmUp = run(gateway.port(), WARM_UP);
      Tally measured = run(gateway.port(), MEASURED);
      System.out.println("warm-up: " + warmUp.line(WARM_UP));
      System.out.println("measured: " + measured.line(MEASURED));
      assertThat(measured.connections.sum()).as("connections opened").isEqualTo(CLIENTS);
      release.countDown();
      held.join();
    }
  }

  private static Tally run(int port, Duration length) throws InterruptedException {
    Tally tally = new Tally();
    long cpuBefore = cpuNanos();
    long bytesBefore = allocatedBytes();
    List<Thread> clients = new ArrayList<>();
    long end = System.nanoTime() + length.toNanos();
    for (int i = 0; i < CLIENTS; i++) {
      Thread t = new Thread(() -> askUntil(port, end, tally));
      t.start();
      clients.add(t);
    }
    for (Thread t : clients) {
      t.join();
    }
    tally.cpuNanos = cpuNanos() - cpuBefore;
    tally.allocated = allocatedBytes() - bytesBefore;
    return tally;
  }

  private static void askUntil(int port, long end, Tally tally) {
    while (System.nanoTime() < end) {
      ask(port, end, tally);
    }
  }

  /** Asks over one connection until {@code end} or until the gateway closes it. */
  private static void ask(int port, long end, Tally tally) {
    tally.connections.increment();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      do {
        out.write(REQUEST);
        out.flush();
        int status = readAnswer(in);
        if (status == 0) {
          return;
        }
        (Math.abs(status) == 503 ? tally.refused : tally.other).increment();
        if (status < 0) {
          return;
        }
      } while (System.nanoTime() < end);
    } catch (IOException e) {
      tally.errors.increment();
    }
  }

  /**
   * Reads one answer: its status, negative when the gateway closes the connection after it, 0 when
   * the gateway had closed it already.
   */
  private static int readAnswer(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      return 0;
    }
    int length = 0;
    boolean close = false;
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).trim());
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    in.readNBytes(length);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    return close ? -status : status;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return s.isEmpty() ? null : s.toString();
      }
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  private static void holdThePlace(int port) {
    try (GatewayClient client = new GatewayClient("127.0.0.1", port, Duration.ofMinutes(5))) {
      client.post("/api/v1/nearby", NEARBY_EMPIRE_STATE.getBytes(UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("the request holding the only place failed", e);
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the clients met. */
  private static final class Tally {
    final LongAdder refused = new LongAdder();
    final LongAdder other = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder errors = new LongAdder();
    long cpuNanos;
    long allocated;

    String line(Duration length) {
      long n = Math.max(1, refused.sum());
      return String.format(
          Locale.ROOT,
          "%,d refusals (%,.0f/s), %.1f us CPU and %,d bytes allocated per refusal,"
              + " %,d connections opened by %d clients, %,d other answers, %,d errors",
          refused.sum(),
          refused.sum() / (double) length.toSeconds(),
          cpuNanos / 1_000.0 / n,
          allocated / n,
          connections.sum(),
          CLIENTS,
          other.sum(),
          errors.sum());
    }
  }
}
