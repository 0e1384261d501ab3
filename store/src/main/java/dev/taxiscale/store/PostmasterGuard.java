package dev.taxiscale.store;

import dev.taxiscale.core.process.OrphanGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops a postmaster this JVM started once the JVM is gone: zonky starts PostgreSQL through {@code
 * pg_ctl}, which detaches it, so a killed {@code taxiscale up} or cluster process would otherwise
 * leave it running, holding its port and data directory.
 */
public final class PostmasterGuard {
  // SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written, nothing is lost.
  // The pid file still naming that pid proves the server is the one this JVM started.
  private static final String STOP_IF_STILL_OURS =
      "pid=$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null); [ \"$pid\" = \"$2\" ] && kill -INT \"$2\"";

  private PostmasterGuard() {}

  /** Guards the server now running on {@code dataDirectory}, as named by its pid file. */
  public static OrphanGuard watch(Path dataDirectory) throws IOException {
    List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
    String pid = lines.isEmpty() ? "" : lines.get(0).strip();
    if (!pid.matches("\\d+")) {
      throw new IOException("no server pid in " + dataDirectory.resolve("postmaster.pid"));
    }
    return OrphanGuard.onExit(
        STOP_IF_STILL_OURS, List.of(dataDirectory.toAbsolutePath().toString(), pid));
  }
}
