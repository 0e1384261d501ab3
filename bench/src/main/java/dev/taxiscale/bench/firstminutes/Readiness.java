package dev.taxiscale.bench.firstminutes;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/** Waits for a gateway's {@code /ready} to answer 200, as a load balancer would. */
public final class Readiness {
  private static final long POLL_MILLIS = 100;

  private Readiness() {}

  /** Seconds waited; fails when the gateway is not ready within {@code limit}. */
  public static double await(URI base, Duration limit) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (!ready(base)) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            base + "/ready did not answer 200 within " + limit.toSeconds() + " s");
      }
      Thread.sleep(POLL_MILLIS);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static boolean ready(URI base) {
    try {
      HttpURLConnection c = (HttpURLConnection) base.resolve("/ready").toURL().openConnection();
      c.setConnectTimeout(1_000);
      c.setReadTimeout(5_000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      // not listening yet
      return false;
    }
  }
}
