package dev.taxiscale.store;

import java.nio.file.Path;

/**
 * A process that starts the durable server on a directory and then only waits, so that a test can
 * kill it the way a crashed {@code taxiscale up} dies.
 *
 * <p>Usage: {@code ServerOwner DATA_DIR}
 */
public final class ServerOwner {
  static final String READY = "server owner ready";

  private ServerOwner() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase.start(Path.of(args[0]), 0);
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
