package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.store.query.QueryEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/** Latency on one connection and throughput on several, measured around the engine. */
final class Measurements {

  private Measurements() {}

  /** Latency percentiles of one query type, in microseconds, after warming up. */
  record Latency(String query, long count, long p50, long p90, long p99, long max) {
    static Latency of(String query, Histogram h) {
      return new Latency(
          query,
          h.getTotalCount(),
          h.getValueAtPercentile(50),
          h.getValueAtPercentile(90),
          h.getValueAtPercentile(99),
          h.getMaxValue());
    }
  }

  static Latency latency(
      String query, QueryEngine engine, Supplier<QueryRequest> requests, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      engine.execute(requests.get());
    }
    Histogram micros = new Histogram(60_000_000L, 3);
    for (int i = 0; i < runs; i++) {
      QueryRequest request = requests.get();
      long start = System.nanoTime();
      engine.execute(request);
      micros.recordValue((System.nanoTime() - start) / 1_000);
    }
    return Latency.of(query, micros);
  }

  /** Queries per second with {@code threads} callers for {@code seconds}, after a warm-up. */
  static double throughput(
      QueryEngine engine,
      List<Supplier<QueryRequest>> perThread,
      double warmupSeconds,
      double seconds)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    LongAdder done = new LongAdder();
    CountDownLatch finished = new CountDownLatch(perThread.size());
    List<Thread> threads = new ArrayList<>();
    for (Supplier<QueryRequest> requests : perThread) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    engine.execute(requests.get());
                    if (measuring.get()) {
                      done.increment();
                    }
                  }
                } finally {
                  finished.countDown();
                }
              },
              "bench-caller-" + threads.size());
      threads.add(t);
      t.start();
    }
    Thread.sleep((long) (warmupSeconds * 1000));
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    long count = done.sum();
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    finished.await();
    return count / elapsed;
  }
}
