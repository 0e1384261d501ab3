package dev.taxiscale.pipeline.client;

import java.time.Duration;

/**
 * Runs a step on a daemon thread, then again each {@code interval} after it ends, until closed: for
 * probes of the broker that must never hold up a caller.
 */
final class EveryInterval implements AutoCloseable {
  private final Duration interval;
  private final Runnable step;
  private final Thread thread;
  private volatile boolean running = true;

  EveryInterval(String threadName, Duration interval, Runnable step) {
    this.interval = interval;
    this.step = step;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Whether the loop is still wanted, for a step that logs only while it is. */
  boolean running() {
    return running;
  }

  private void run() {
    while (running) {
      step.run();
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops the loop, waiting up to 2 s for a step under way to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
