package dev.taxiscale.bench.overload;

import dev.taxiscale.gateway.GatewayClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop clients against a running gateway: each holds one kept-alive connection and asks
 * nearby-cab questions one after another, pausing after a 503 as long as its Retry-After asks. Only
 * answers that arrive inside the measured window count; a request with no answer within the
 * client's timeout counts as hung whenever it ends.
 */
final class OverloadProbe {
  private static final String NEARBY = "/api/v1/nearby";
  private static final long STACK_BYTES = 256 * 1024;
  private static final long RECONNECT_PAUSE_MILLIS = 100;

  private final URI base;
  private final List<byte[]> bodies;
  private final Duration clientTimeout;
  private final Duration shedPause;
  private final int perAddress;

  /**
   * @param perAddress connections that leave from one 127.0.0.x source address, so that the
   *     gateway's per-address bound sees many clients as it would in production
   */
  OverloadProbe(
      URI base, List<byte[]> bodies, Duration clientTimeout, Duration shedPause, int perAddress) {
    this.base = base;
    this.bodies = List.copyOf(bodies);
    this.clientTimeout = clientTimeout;
    this.shedPause = shedPause;
    this.perAddress = perAddress;
  }

  /** Opens {@code connections} clients, lets them ramp up, then counts for {@code window}. */
  OverloadStep run(int connections, Duration rampUp, Duration window)
      throws InterruptedException, IOException {
    OverloadTally tally = new OverloadTally();
    AtomicBoolean running = new AtomicBoolean(true);
    long windowStart = System.nanoTime() + rampUp.toNanos();
    long windowEnd = windowStart + window.toNanos();
    List<Thread> clients = new ArrayList<>(connections);
    for (int i = 0; i < connections; i++) {
      InetAddress source = sourceAddress(i);
      int first = i;
      Thread t =
          new Thread(
              null,
              () -> ask(source, first, tally, running, windowStart, windowEnd),
              "overload-" + i,
              STACK_BYTES);
      t.setDaemon(true);
      t.start();
      clients.add(t);
    }
    Thread.sleep(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000));
    running.set(false);
    long joinBy = System.nanoTime() + clientTimeout.toNanos() + 2_000_000_000L;
    for (Thread t : clients) {
      t.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
    }
    return tally.step(connections, window.toNanos() / 1e9);
  }

  private void ask(
      InetAddress source,
      int first,
      OverloadTally tally,
      AtomicBoolean running,
      long windowStart,
      long windowEnd) {
    try (GatewayClient client =
        new GatewayClient(base.getHost(), base.getPort(), clientTimeout, source)) {
      for (int n = first; running.get(); n++) {
        long start = System.nanoTime();
        try {
          GatewayClient.Response response = client.post(NEARBY, bodies.get(n % bodies.size()));
          int status = response.status();
          long end = System.nanoTime();
          if (end >= windowStart && end < windowEnd) {
            tally.status(status, (end - start) / 1_000);
          }
          if (status == 503) {
            Thread.sleep(pauseAfter(response));
          }
        } catch (SocketTimeoutException e) {
          tally.clientTimeout();
          client.close();
        } catch (IOException e) {
          if (System.nanoTime() >= windowStart && System.nanoTime() < windowEnd) {
            tally.ioError();
          }
          Thread.sleep(RECONNECT_PAUSE_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** As long as the refusal's Retry-After asks, as a polite client does; else the shed pause. */
  private long pauseAfter(GatewayClient.Response refusal) {
    return refusal.retryAfterSeconds() >= 0
        ? refusal.retryAfterSeconds() * 1_000L
        : shedPause.toMillis();
  }

  private InetAddress sourceAddress(int connection) {
    int n = 2 + connection / perAddress;
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (n % 250 + 1)});
    } catch (IOException e) {
      throw new IllegalStateException("no loopback address for connection " + connection, e);
    }
  }
}
