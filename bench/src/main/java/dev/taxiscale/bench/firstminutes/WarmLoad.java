package dev.taxiscale.bench.firstminutes;

import dev.taxiscale.gateway.GatewayClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A steady mix of ride requests, fares and nearby queries from two connections for a while: the
 * load after which the "warm" figures are taken. Its own clicks, so the measured ones stay the same
 * whatever its length.
 */
final class WarmLoad {
  private static final int CONNECTIONS = 2;

  private WarmLoad() {}

  /** Requests answered; fails on the first answer that is not 200. */
  static long run(Supplier<GatewayClient> clients, long seed, LocalDateTime time, Duration length)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + length.toNanos();
    AtomicLong answered = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      Future<?>[] running = new Future<?>[CONNECTIONS];
      for (int i = 0; i < CONNECTIONS; i++) {
        ManhattanClicks clicks = new ManhattanClicks(seed + i, time);
        running[i] = pool.submit(() -> load(clients.get(), clicks, deadline, answered));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e);
    } finally {
      pool.shutdownNow();
    }
    return answered.get();
  }

  private static Void load(
      GatewayClient client, ManhattanClicks clicks, long deadline, AtomicLong answered) {
    try (client) {
      for (int i = 0; System.nanoTime() < deadline; i++) {
        switch (i % 3) {
          case 0 -> FirstMinutes.ok(client.post(FirstMinutes.RIDE, clicks.rideRequest()), "ride");
          case 1 -> FirstMinutes.ok(client.post(FirstMinutes.FARE, clicks.fare()), "fare");
          default -> FirstMinutes.ok(client.post(FirstMinutes.NEARBY, clicks.nearby()), "nearby");
        }
        answered.incrementAndGet();
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
