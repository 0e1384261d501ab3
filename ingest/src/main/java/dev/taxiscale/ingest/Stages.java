package dev.taxiscale.ingest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one pipeline: each stage runs on its own thread, and the first failure interrupts
 * the others, which are blocked on the queues between them.
 */
final class Stages implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Stages.class);

  private final ExecutorService pool;
  private final ExecutorCompletionService<Void> completions;
  private int started;

  Stages(int threads, String name) {
    pool = Executors.newFixedThreadPool(threads, Threads.named(name));
    completions = new ExecutorCompletionService<>(pool);
  }

  void start(Callable<Void> stage) {
    completions.submit(stage);
    started++;
  }

  /**
   * Waits until every stage has finished, ticking at the interval meanwhile.
   *
   * @throws Exception the first failure's cause, as the stage threw it
   */
  void await(Duration tickInterval, Runnable tick) throws Exception {
    long intervalNanos = Math.max(tickInterval.toNanos(), 1_000_000);
    for (int done = 0; done < started; ) {
      Future<Void> stage = completions.poll(intervalNanos, TimeUnit.NANOSECONDS);
      if (stage == null) {
        tick.run();
        continue;
      }
      done++;
      try {
        stage.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
  }

  /**
   * Stops the stages still running. A COPY blocked on a server that stopped answering ignores the
   * interrupt; its daemon thread is left behind rather than hiding the failure being reported.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("pipeline threads still running 30 s after the load ended");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
