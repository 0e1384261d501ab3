package dev.taxiscale.cluster;

import dev.taxiscale.store.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local cluster's PostgreSQL as a process of its own: an embedded server on a data directory
 * and port, until SIGTERM, which checkpoints and stops it.
 *
 * <p>Usage: {@code DatabaseProcess DATA_DIR PORT [primary]}; {@code primary} keeps the full WAL
 * that read replicas stream.
 */
public final class DatabaseProcess {
  private DatabaseProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      throw new IllegalArgumentException("usage: DatabaseProcess DATA_DIR PORT [primary]");
    }
    Path dir = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    EmbeddedDatabase database =
        args.length == 3 && args[2].equals("primary")
            ? EmbeddedDatabase.startPrimary(dir, port)
            : EmbeddedDatabase.start(dir, port);
    System.out.println("PostgreSQL ready at " + database.jdbcUrl());
    runUntilStopped(database);
  }

  /** Blocks until the JVM is asked to stop, then closes {@code resource} before it exits. */
  static void runUntilStopped(AutoCloseable resource) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    resource.close();
                  } catch (Exception e) {
                    System.err.println("stopping failed: " + e);
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
