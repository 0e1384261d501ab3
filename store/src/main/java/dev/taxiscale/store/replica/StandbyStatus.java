package dev.taxiscale.store.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica as its primary sees it in {@code pg_stat_replication}, for reports.
 *
 * @param name the replica's application name (its slot name, for a {@link ReadReplica})
 * @param state the WAL sender's state, e.g. {@code streaming} or {@code catchup}
 * @param replayBytesBehind WAL the primary has written that the replica has not replayed
 * @param replayLag the time from a recent commit on the primary to its replay on the replica;
 *     PostgreSQL clears it once an idle replica has caught up, which this reports as zero; {@code
 *     null} when not known
 */
public record StandbyStatus(String name, String state, long replayBytesBehind, Duration replayLag) {

  static final String SQL =
      "SELECT application_name, state,"
          + " coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint,"
          + " (extract(epoch FROM replay_lag) * 1000)::bigint"
          + " FROM pg_stat_replication ORDER BY application_name";

  public StandbyStatus {
    if (replayBytesBehind < 0) {
      throw new IllegalArgumentException(
          "replayBytesBehind must be >= 0, got " + replayBytesBehind);
    }
  }

  /**
   * The replicas streaming from the primary behind {@code primary}. Roles without {@code
   * pg_read_all_stats} see only their own sessions' details.
   */
  public static List<StandbyStatus> onPrimary(Connection primary) throws SQLException {
    List<StandbyStatus> standbys = new ArrayList<>();
    try (Statement s = primary.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        long bytes = rs.getLong(3);
        long lagMillis = rs.getLong(4);
        Duration lag = rs.wasNull() ? idleLag(bytes) : Duration.ofMillis(lagMillis);
        standbys.add(new StandbyStatus(rs.getString(1), rs.getString(2), Math.max(0, bytes), lag));
      }
    }
    return standbys;
  }

  /** No recent sample: caught up if nothing is left to replay, else not known. */
  private static Duration idleLag(long bytesBehind) {
    return bytesBehind == 0 ? Duration.ZERO : null;
  }
}
