package dev.taxiscale.app;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command alive until Ctrl-C or SIGTERM, then stops its services in order. */
final class Shutdown {
  private Shutdown() {}

  /**
   * Blocks until the JVM is asked to stop, then closes {@code resources} in the given order. The
   * closing runs in the shutdown hook itself, because the JVM waits for hooks but not for the main
   * thread.
   */
  static void awaitThenClose(AutoCloseable... resources) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("taxiscale: stopping");
                  closeAll(resources);
                  closed.countDown();
                },
                "taxiscale-shutdown"));
    closed.await();
  }

  static void closeAll(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("taxiscale: stopping failed: " + e.getMessage());
      }
    }
  }
}
