package dev.taxiscale.pipeline.warmup;

import dev.taxiscale.pipeline.Env;
import dev.taxiscale.pipeline.RequestHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays synthetic requests of every type before a process reports ready, so that the first users
 * meet compiled code rather than the interpreter: a JVM runs a cold path 10-50 times slower until
 * the JIT has compiled it, which on two cores takes minutes of ordinary traffic.
 *
 * <p>Through a gateway the requests take the whole path (HTTP, Kafka, worker, SQL); in a worker
 * process without a gateway they go straight to its handler (JSON and SQL). Either way a time
 * budget bounds the warm-up: a gateway without workers answers nothing and must not wait forever.
 * The gateway brings the HTTP sender; a worker process hands its handler to {@link #overHandler}.
 */
public final class WarmUp {
  /** Requests of each type to warm up with, 0 for none. */
  public static final String ENV_WARM_UP = "TAXISCALE_WARM_UP";

  /**
   * Requests of each type by default. On the 2-core development machine 1,000 left the first ride
   * requests after ready at about 5x the warm p50 (the optimizing compiler was still behind); 3,000
   * brought them to 1.4x for about 25 s more of start-up (docs/bench.md, first minutes).
   */
  public static final int DEFAULT_PER_TYPE = 3_000;

  private static final long SEED = 20140415;

  /**
   * @param perType requests of each type
   * @param inFlight connections (or threads) sending at once
   * @param budget the warm-up stops after this long whatever it has sent
   */
  public record Plan(int perType, int inFlight, Duration budget) {
    public Plan {
      if (perType < 0 || inFlight < 1 || budget.isNegative()) {
        throw new IllegalArgumentException(
            "warm-up needs perType >= 0, inFlight >= 1, budget >= 0");
      }
    }

    /**
     * Off when {@code TAXISCALE_WARM_UP=0}; otherwise that many requests per type (default {@link
     * #DEFAULT_PER_TYPE}: the path reaches its compiled speed only after many thousand requests).
     */
    public static Plan fromEnvironment(java.util.Map<String, String> env) {
      return fromEnvironment(env, DEFAULT_PER_TYPE);
    }

    /** {@value #ENV_WARM_UP} requests per type, {@code fallback} where it is not set. */
    public static Plan fromEnvironment(java.util.Map<String, String> env, int fallback) {
      return perType(Env.intOf(env, ENV_WARM_UP, fallback));
    }

    /** {@code perType} requests of each type, four at a time, within 90 s. */
    public static Plan perType(int perType) {
      return new Plan(perType, 4, Duration.ofSeconds(90));
    }
  }

  /**
   * What a warm-up did: requests answered (any status), failed to answer, how long it took, and the
   * types it stopped asking because their data is not loaded.
   */
  public record Report(long answered, long failed, Duration took, Set<String> skipped) {
    public Report {
      skipped = Set.copyOf(skipped);
    }

    @Override
    public String toString() {
      return String.format(
          "warmed up with %,d requests in %.1f s%s%s",
          answered,
          took.toMillis() / 1000.0,
          failed == 0 ? "" : " (" + failed + " unanswered)",
          skipped.isEmpty()
              ? ""
              : "; stopped asking "
                  + String.join(", ", new TreeSet<>(skipped))
                  + " (data not loaded)");
    }
  }

  private WarmUp() {}

  /** Hands the plan's requests to a worker's handler, as its query threads would. */
  public static Report overHandler(RequestHandler handler, Plan plan) {
    return run(plan, () -> (type, json) -> handler.handle(json).status());
  }

  /**
   * Sends one request of a type and returns its answer's status; an answer of any status counts,
   * since the path ran.
   */
  public interface Sender extends AutoCloseable {
    int send(String type, byte[] json) throws IOException;

    @Override
    default void close() {}
  }

  /** Sends the plan's requests through senders from {@code senders}, one per thread. */
  public static Report run(Plan plan, java.util.function.Supplier<Sender> senders) {
    long start = System.nanoTime();
    long deadline = start + plan.budget().toNanos();
    AtomicLong answered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Set<String> skipped = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(plan.inFlight());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < plan.inFlight(); t++) {
        int share =
            plan.perType() / plan.inFlight() + (t < plan.perType() % plan.inFlight() ? 1 : 0);
        SyntheticRequests requests = new SyntheticRequests(SEED + t);
        running.add(
            pool.submit(
                () -> send(senders.get(), requests, share, deadline, answered, failed, skipped)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      failed.incrementAndGet();
    } catch (InterruptedException e) {
      // stopping while warming up: leave the rest to the shutdown that interrupted
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return new Report(
        answered.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start), skipped);
  }

  private static Void send(
      Sender sender,
      SyntheticRequests requests,
      int rounds,
      long deadline,
      AtomicLong answered,
      AtomicLong failed,
      Set<String> skipped) {
    try (sender) {
      for (int i = 0; i < rounds && System.nanoTime() < deadline; i++) {
        for (String type : SyntheticRequests.TYPES) {
          if (skipped.contains(type)) {
            continue;
          }
          try {
            // 409: the data this type reads is not loaded (zones, say); its answer is one cheap
            // check, so asking again would spend the budget without warming anything
            if (sender.send(type, requests.next(type)) == 409) {
              skipped.add(type);
            }
            answered.incrementAndGet();
          } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
          }
        }
      }
    }
    return null;
  }
}
