package dev.taxiscale.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition instead of sleeping a guessed time. */
public final class Await {
  private Await() {}

  /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
