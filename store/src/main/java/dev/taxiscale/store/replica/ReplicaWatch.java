package dev.taxiscale.store.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lag of the database a worker queries once a second on a thread of its own, so that
 * answering a request only looks at the last reading. A primary is never behind; a replica is when
 * it has fallen back by more than the bound, or when it lost its primary.
 */
public final class ReplicaWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplicaWatch.class);

  /** Reads may be this stale before answers say so. */
  public static final Duration DEFAULT_BOUND = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final Duration bound;
  private final AtomicReference<ReplicaLag> last = new AtomicReference<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "taxiscale-replica-watch");
            t.setDaemon(true);
            return t;
          });

  public ReplicaWatch(DataSource dataSource, Duration bound) {
    this.dataSource = dataSource;
    this.bound = bound;
  }

  /** Takes a first reading now, then one a second. */
  public ReplicaWatch start() {
    read();
    timer.scheduleWithFixedDelay(this::read, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  /** The last reading; {@code null} before the first or while the database is unreachable. */
  public ReplicaLag lag() {
    return last.get();
  }

  /** What to tell a client about reads from here, empty while they are fresh enough. */
  public Optional<String> notice() {
    ReplicaLag lag = last.get();
    if (lag == null || lag.state() == ReplicaLag.State.NOT_A_REPLICA || lag.within(bound)) {
      return Optional.empty();
    }
    if (lag.state() == ReplicaLag.State.DISCONNECTED) {
      return Optional.of(
          "answered from a read replica that has lost its primary"
              + since(lag)
              + "; newer trips may be missing");
    }
    return Optional.of(
        "answered from a read replica "
            + lag.behind().toSeconds()
            + " s behind the primary (bound "
            + bound.toSeconds()
            + " s); newer trips may be missing");
  }

  private static String since(ReplicaLag lag) {
    return lag.sinceLastReplay() == null
        ? ""
        : " (last change replayed " + lag.sinceLastReplay().toSeconds() + " s ago)";
  }

  private void read() {
    try (Connection c = dataSource.getConnection()) {
      last.set(ReplicaLag.measure(c));
    } catch (SQLException | RuntimeException e) {
      // the query path reports an unreachable database itself; nothing to add to answers
      last.set(null);
      log.debug("replica lag unknown: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
