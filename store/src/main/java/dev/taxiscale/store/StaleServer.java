package dev.taxiscale.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server left running on a data directory by a process that died without
 * stopping it (a killed {@code taxiscale up}), so that the next start does not wait in vain for the
 * port and the directory. Only a postgres process whose command line names this directory is
 * stopped, with the signal for a clean shutdown.
 */
final class StaleServer {
  private static final Logger log = LoggerFactory.getLogger(StaleServer.class);
  private static final long STOP_SECONDS = 60;

  private StaleServer() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Optional<ProcessHandle> stale = runningOn(dataDirectory);
    if (stale.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = stale.get();
    log.info("stopping PostgreSQL {} left running on {}", postmaster.pid(), dataDirectory);
    // SIGTERM: a smart shutdown, which checkpoints; the dead owner's sessions are already gone
    postmaster.destroy();
    try {
      postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException(
          "PostgreSQL "
              + postmaster.pid()
              + " still runs on "
              + dataDirectory
              + " after "
              + STOP_SECONDS
              + " s; stop it and start again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping a stale PostgreSQL", e);
    }
  }

  /** The live postmaster named by {@code postmaster.pid}, if it serves this directory. */
  static Optional<ProcessHandle> runningOn(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.get(0).strip());
    Path canonical = dataDirectory.toRealPath();
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> serves(p, canonical) || serves(p, dataDirectory.toAbsolutePath()));
  }

  private static boolean serves(ProcessHandle process, Path dataDirectory) {
    String command = commandLine(process);
    return command.contains("postgres") && command.contains(dataDirectory.toString());
  }

  /** From /proc where the JDK's view is cut short (it is for processes under another user). */
  private static String commandLine(ProcessHandle process) {
    Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
    try {
      if (Files.isReadable(proc)) {
        return new String(Files.readAllBytes(proc)).replace('\0', ' ');
      }
    } catch (IOException e) {
      // fall back to what the JDK knows
    }
    return process.info().commandLine().orElse("");
  }
}
