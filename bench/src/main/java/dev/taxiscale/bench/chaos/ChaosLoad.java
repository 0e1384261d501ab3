package dev.taxiscale.bench.chaos;

import dev.taxiscale.gateway.GatewayClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady, bounded load: a few closed-loop clients asking nearby-cab questions one after another,
 * each counted in the phase it was sent in. A request with no answer within the client's timeout
 * (three times the gateway's own) is lost: the gateway promises an answer, at worst a 504.
 */
final class ChaosLoad implements AutoCloseable {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
  private static final long PAUSE_MILLIS = 20;
  private static final String NEARBY = "/api/v1/nearby";

  private final AtomicReference<ChaosTally> current = new AtomicReference<>(new ChaosTally());
  private final AtomicLong lastFailure = new AtomicLong();
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean running = true;

  ChaosLoad(URI gateway, List<byte[]> bodies, int clientCount) {
    for (int i = 0; i < clientCount; i++) {
      int first = i;
      Thread t = new Thread(() -> ask(gateway, bodies, first), "chaos-client-" + i);
      t.setDaemon(true);
      t.start();
      clients.add(t);
    }
  }

  /**
   * Starts counting a new phase and returns the one that ends, once each of its requests was
   * answered or given up on.
   */
  ChaosTally next() throws InterruptedException {
    ChaosTally ended = current.getAndSet(new ChaosTally());
    long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos() + 2_000_000_000L;
    while (ended.outstanding() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return ended;
  }

  /** The phase counting now. */
  ChaosTally current() {
    return current.get();
  }

  /** When the last request failed or was lost ({@link System#nanoTime()}), 0 if none yet. */
  long lastFailureNanos() {
    return lastFailure.get();
  }

  private void ask(URI gateway, List<byte[]> bodies, int first) {
    try (GatewayClient client =
        new GatewayClient(gateway.getHost(), gateway.getPort(), CLIENT_TIMEOUT)) {
      for (int n = first; running; n += clients.size() + 1) {
        ChaosTally tally = current.get();
        tally.sent();
        try {
          int status = client.post(NEARBY, bodies.get(n % bodies.size())).status();
          tally.answered(status);
          if (status != 200) {
            lastFailure.set(System.nanoTime());
          }
        } catch (IOException e) {
          tally.unanswered();
          lastFailure.set(System.nanoTime());
        }
        Thread.sleep(PAUSE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : clients) {
      t.join(CLIENT_TIMEOUT.toMillis() + 1_000);
    }
  }
}
