package dev.taxiscale.worker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;

/**
 * A worker process that echoes requests, configured as {@link WorkerMain} is but needing no
 * database: tests start it as a child JVM to stop and continue it with signals.
 */
public final class EchoWorkerMain {
  private EchoWorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    QueryWorker worker =
        new QueryWorker(
            WorkerConfig.fromEnvironment(System.getenv()),
            new EchoHandler(0),
            new SimpleMeterRegistry());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  stopped.countDown();
                }));
    worker.start();
    stopped.await();
  }
}
