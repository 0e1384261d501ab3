package dev.taxiscale.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Admits as many API requests at once as {@link AdmissionLimit} allows, never more than {@link
 * GatewayConfig#maxInFlight()}, and answers the rest with a 503 and a Retry-After that grows while
 * the refusals go on ({@link Refusal}, {@link RetryAfter}) before a handler, a JSON parser or the
 * broker sees them: under overload turning a request away must cost far less than answering one, or
 * the refusals eat the capacity the admitted requests need. It looks twice. {@link #early()}, in
 * front of the body reader, turns a request away as soon as its headers are in when every place is
 * taken, without reading, buffering or dispatching its body. This handler, behind the body reader,
 * takes the place, so that a client dribbling its body holds none meanwhile. A request holds its
 * place until its answer is written, so asynchronous answers count too.
 */
final class Admission extends Handler.Wrapper {
  /** Never fewer than this many admitted, so that the limit can learn that things got better. */
  private static final int FLOOR = 8;

  /** Before anything was measured. */
  private static final int INITIAL = 64;

  /** Admitted requests should take at most this share of the request timeout on average. */
  private static final int TARGET_SHARE_OF_TIMEOUT = 5;

  private static final Duration WINDOW = Duration.ofMillis(250);

  private final AdmissionLimit limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final RetryAfter retryAfter = new RetryAfter(System.nanoTime());

  /** Built once per Retry-After value, index = seconds. */
  private final Refusal[] refusals = new Refusal[RetryAfter.MAX_SECONDS + 1];

  Admission(GatewayConfig config) {
    int max = config.maxInFlight();
    this.limit =
        new AdmissionLimit(
            Math.min(FLOOR, max),
            max,
            Math.min(INITIAL, max),
            config.requestTimeout().dividedBy(TARGET_SHARE_OF_TIMEOUT),
            WINDOW,
            System.nanoTime());
    for (int seconds = 1; seconds <= RetryAfter.MAX_SECONDS; seconds++) {
      refusals[seconds] = new Refusal(seconds);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!counts(request)) {
      return super.handle(request, response, callback);
    }
    int now = inFlight.incrementAndGet();
    if (now > limit.limit()) {
      inFlight.decrementAndGet();
      refuse(response, callback);
      return true;
    }
    limit.admitted(now);
    long start = System.nanoTime();
    try {
      if (super.handle(request, response, Callback.from(callback, () -> release(start)))) {
        return true;
      }
      inFlight.decrementAndGet();
      return false;
    } catch (Exception | Error e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /**
   * The first look, to go in front of the body reader: a request that arrives while every place is
   * taken is turned away at once. Its body, when already received, is discarded and the connection
   * kept; a body still on its way is not waited for (Jetty closes that connection instead).
   */
  Handler.Wrapper early() {
    return new Handler.Wrapper() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        if (counts(request) && inFlight.get() >= limit.limit()) {
          refuse(response, callback);
          return true;
        }
        return super.handle(request, response, callback);
      }
    };
  }

  private void refuse(Response response, Callback callback) {
    refusals[retryAfter.refused(System.nanoTime())].send(response, callback);
  }

  private void release(long start) {
    inFlight.decrementAndGet();
    long end = System.nanoTime();
    limit.completed(end - start, end);
  }

  /** Requests admitted and not yet answered. */
  int inFlight() {
    return inFlight.get();
  }

  /** How many may be in flight now. */
  int limit() {
    return limit.limit();
  }

  /** The queries: every POST to the API. Reads (health, metrics, files) are never turned away. */
  private static boolean counts(Request request) {
    return "POST".equals(request.getMethod())
        && request.getHttpURI().getPath().startsWith(GatewayApp.API + "/");
  }
}
