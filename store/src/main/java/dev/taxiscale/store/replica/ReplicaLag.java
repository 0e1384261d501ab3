package dev.taxiscale.store.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How far a replica is behind its primary, as the replica alone can tell.
 *
 * <ul>
 *   <li>{@code STREAMING}, behind zero: every WAL byte received has been replayed, so reads see all
 *       the primary has sent. The primary streams as it commits, so this is current to within the
 *       network delay.
 *   <li>{@code STREAMING}, behind positive: replay trails what was received; behind is the age of
 *       the newest transaction replayed, which bounds how stale a read is.
 *   <li>{@code DISCONNECTED}, behind unknown: no WAL receiver streams (the primary is down or
 *       unreachable), so reads may be arbitrarily stale; {@link #sinceLastReplay} says for how long
 *       nothing new has arrived.
 * </ul>
 *
 * @param replayBacklogBytes WAL received but not yet replayed
 * @param behind how stale reads may be; {@code null} when unknown
 * @param sinceLastReplay time since the newest replayed transaction committed on the primary;
 *     {@code null} when none was replayed since the server started
 */
public record ReplicaLag(
    State state, long replayBacklogBytes, Duration behind, Duration sinceLastReplay) {

  /** Whether the replica is receiving WAL. */
  public enum State {
    STREAMING,
    DISCONNECTED,
    /** The server is not in recovery: a primary, or a replica that was promoted. */
    NOT_A_REPLICA
  }

  /**
   * Everything in one query. {@code pg_stat_wal_receiver} hides its status from roles without
   * {@code pg_read_all_stats}, so a receiver process alone counts as streaming for them.
   */
  static final String SQL =
      "SELECT pg_is_in_recovery(),"
          + " coalesce(r.status = 'streaming', r.pid IS NOT NULL),"
          + " greatest(0, coalesce(pg_wal_lsn_diff("
          + "pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0))::bigint,"
          + " (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())"
          + " * 1000)::bigint"
          + " FROM (SELECT 1) one LEFT JOIN pg_stat_wal_receiver r ON true";

  public ReplicaLag {
    if (state == null) {
      throw new IllegalArgumentException("state must not be null");
    }
    if (replayBacklogBytes < 0) {
      throw new IllegalArgumentException(
          "replayBacklogBytes must be >= 0, got " + replayBacklogBytes);
    }
    if (state != State.STREAMING && behind != null) {
      throw new IllegalArgumentException("behind is known only while streaming, state " + state);
    }
  }

  /** Measures on a connection to the replica. */
  public static ReplicaLag measure(Connection replica) throws SQLException {
    try (Statement s = replica.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      rs.next();
      long sinceMillis = rs.getLong(4);
      Duration since = rs.wasNull() ? null : Duration.ofMillis(Math.max(0, sinceMillis));
      if (!rs.getBoolean(1)) {
        return new ReplicaLag(State.NOT_A_REPLICA, 0, null, since);
      }
      return of(rs.getBoolean(2), rs.getLong(3), since);
    }
  }

  /** The honest reading of a replica's counters; see the type's documentation. */
  static ReplicaLag of(boolean receiving, long backlogBytes, Duration sinceLastReplay) {
    if (!receiving) {
      return new ReplicaLag(State.DISCONNECTED, backlogBytes, null, sinceLastReplay);
    }
    Duration behind = backlogBytes == 0 ? Duration.ZERO : sinceLastReplay;
    return new ReplicaLag(State.STREAMING, backlogBytes, behind, sinceLastReplay);
  }

  /** Whether reads are known to be at most {@code bound} stale. */
  public boolean within(Duration bound) {
    return behind != null && behind.compareTo(bound) <= 0;
  }
}
