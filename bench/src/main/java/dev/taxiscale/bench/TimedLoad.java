package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop clients that cycle through a request set for a fixed time: the capacity measurement,
 * where throughput is the answers per second the system sustains.
 */
final class TimedLoad {
  private static final long HIGHEST_MICROS = 600_000_000L;

  private final AtomicReference<String> firstError = new AtomicReference<>();
  private volatile boolean stopped;

  /** Ends a run early: each client finishes the request it is waiting for and stops. */
  void stop() {
    stopped = true;
  }

  String firstError() {
    return firstError.get();
  }

  /** {@code clients} callers, each sending its next request as soon as the last is answered. */
  PathSummary run(QueryPath path, List<QueryRequest> requests, int clients, Duration length)
      throws InterruptedException {
    Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    LongAdder errors = new LongAdder();
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread client =
          new Thread(
              () -> {
                while (!stopped && System.nanoTime() < end) {
                  QueryRequest request =
                      requests.get((int) (next.getAndIncrement() % requests.size()));
                  long sent = System.nanoTime();
                  if (answer(path, request)) {
                    recorder.recordValue(
                        Math.min(HIGHEST_MICROS, (System.nanoTime() - sent) / 1_000));
                  } else {
                    errors.increment();
                  }
                }
              },
              "scale-client-" + c);
      client.start();
      threads.add(client);
    }
    for (Thread t : threads) {
      t.join();
    }
    Histogram micros = recorder.getIntervalHistogram();
    return PathSummary.of(
        path.name(), "closed-" + clients, 0, micros, errors.sum(), System.nanoTime() - start);
  }

  private boolean answer(QueryPath path, QueryRequest request) {
    try {
      path.answer(request);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      firstError.compareAndSet(null, e.getMessage());
      return false;
    }
  }
}
