package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Sends a request list through a path in one load mode and summarizes what came back. */
final class LoadRunner {
  private static final long HIGHEST_MICROS = 600_000_000L;

  private final AtomicReference<String> firstError = new AtomicReference<>();

  /** The first error message seen by any run, for the report; {@code null} when none. */
  String firstError() {
    return firstError.get();
  }

  /**
   * Answers every request without measuring, so caches, JIT and connections are warm: once, and
   * again until {@code atLeast} has passed.
   */
  void warmUp(QueryPath path, List<QueryRequest> requests, int clients, Duration atLeast)
      throws InterruptedException {
    long end = System.nanoTime() + atLeast.toNanos();
    do {
      run(path, requests, LoadMode.concurrent(clients));
    } while (System.nanoTime() < end);
  }

  PathSummary run(QueryPath path, List<QueryRequest> requests, LoadMode mode)
      throws InterruptedException {
    Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    LongAdder errors = new LongAdder();
    AtomicInteger next = new AtomicInteger();
    long intervalNanos = mode.kind() == LoadMode.Kind.OPEN ? (long) (1e9 / mode.perSecond()) : 0;
    long start = System.nanoTime();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < mode.clients(); c++) {
      Thread client =
          new Thread(
              () -> {
                for (int i; (i = next.getAndIncrement()) < requests.size(); ) {
                  long due = start + i * intervalNanos;
                  waitUntil(due);
                  // closed loops time from the actual send, the open loop from the due time
                  long from = intervalNanos == 0 ? System.nanoTime() : due;
                  if (answer(path, requests.get(i))) {
                    recorder.recordValue(
                        Math.min(HIGHEST_MICROS, (System.nanoTime() - from) / 1_000));
                  } else {
                    errors.increment();
                  }
                }
              },
              "bench-" + path.name() + "-" + c);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    long elapsed = System.nanoTime() - start;
    Histogram micros = recorder.getIntervalHistogram();
    return PathSummary.of(path.name(), mode.label(), path.workers(), micros, errors.sum(), elapsed);
  }

  private boolean answer(QueryPath path, QueryRequest request) {
    try {
      path.answer(request);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      firstError.compareAndSet(null, path.name() + ": " + e.getMessage());
      return false;
    }
  }

  private static void waitUntil(long due) {
    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(wait);
    }
  }
}
