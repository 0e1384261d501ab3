package dev.taxiscale.core.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny shell process that runs an action once this JVM is gone, however it ended: even SIGKILL
 * closes the pipe it reads, and end of input is its cue. It stops what this JVM started outside
 * itself (a PostgreSQL postmaster, the JVMs of a local cluster), which would otherwise outlive it.
 *
 * <p>It ignores SIGINT, SIGTERM and SIGHUP, so a Ctrl-C that kills this JVM together with its
 * process group does not kill the guard before it can act.
 */
public final class OrphanGuard implements AutoCloseable {
  private static final String WAIT_FOR_EOF =
      "trap '' INT TERM HUP; while read -r line; do :; done; ";

  // the pipe's write end must stay open as long as this JVM lives: an unreachable Process would
  // let the garbage collector close it and set the guard off early
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  private final Process guard;

  private OrphanGuard(Process guard) {
    this.guard = guard;
  }

  /**
   * Starts a guard that runs {@code action}, a POSIX shell script that sees {@code args} as {@code
   * $1, $2...}, when this JVM ends. Values belong in {@code args}, never in the script, so that no
   * path or name is read as shell syntax.
   */
  public static OrphanGuard onExit(String action, List<String> args) {
    List<String> command =
        new ArrayList<>(List.of("/bin/sh", "-c", WAIT_FOR_EOF + action, "guard"));
    command.addAll(args);
    try {
      Process guard =
          new ProcessBuilder(command)
              .redirectInput(Redirect.PIPE)
              .redirectOutput(Redirect.DISCARD)
              .redirectError(Redirect.DISCARD)
              .start();
      LIVE.add(guard);
      return new OrphanGuard(guard);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a guard process", e);
    }
  }

  /**
   * Stops {@code child} with SIGTERM, so that its shutdown hooks run, once this JVM ends, unless
   * the file {@code release} exists by then: a launcher writes it when it has handed its children
   * over to live on without it. The guard retires when the child exits first.
   *
   * @param release the file that lets the child live on, or {@code null}: it never does
   */
  public static OrphanGuard stopWithThisJvm(Process child, Path release) {
    OrphanGuard guard =
        onExit(
            "[ -n \"$2\" ] && [ -e \"$2\" ] && exit 0; kill -TERM \"$1\"",
            List.of(
                Long.toString(child.pid()),
                release == null ? "" : release.toAbsolutePath().toString()));
    child.onExit().thenRun(guard::close);
    return guard;
  }

  /** The guard's own pid. */
  public long pid() {
    return guard.pid();
  }

  /** Retires the guard without running its action: what it watched has been stopped in order. */
  @Override
  public void close() {
    LIVE.remove(guard);
    // SIGKILL: it ignores the polite signals
    guard.destroyForcibly();
  }
}
