package dev.taxiscale.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One process of the local cluster, known by its pid so that it can be found again from another JVM
 * (the {@code stop} and {@code status} commands).
 *
 * @param name e.g. {@code worker-2}
 * @param role what it does
 * @param pid its process id
 * @param port the port it serves: PostgreSQL, Kafka, HTTP or metrics
 * @param log where its output goes
 */
public record ClusterProcess(String name, Role role, long pid, int port, Path log) {
  /** Whether it is still running. */
  public boolean isAlive() {
    return handle().map(ProcessHandle::isAlive).orElse(false);
  }

  /** The running process, unless it has exited and its pid went to another program. */
  private java.util.Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(h -> ProcessStarter.belongsTo(h, log.getParent().getParent()));
  }

  /** Asks it to stop (SIGTERM: shutdown hooks run) and waits until it has. */
  public void stop(Duration patience) {
    handle()
        .ifPresent(
            handle -> {
              handle.destroy();
              if (!awaitExit(handle, patience)) {
                handle.destroyForcibly();
                awaitExit(handle, Duration.ofSeconds(10));
              }
            });
  }

  /** Kills it at once (SIGKILL), as a crashed machine would: no shutdown hooks, no goodbyes. */
  public void kill() {
    handle()
        .ifPresent(
            handle -> {
              handle.destroyForcibly();
              awaitExit(handle, Duration.ofSeconds(10));
            });
  }

  private static boolean awaitExit(ProcessHandle handle, Duration patience) {
    CompletableFuture<ProcessHandle> exit = handle.onExit();
    try {
      exit.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
