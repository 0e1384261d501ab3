package dev.taxiscale.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The advisory lock a loader holds on its file id for as long as it loads.
 *
 * <p>A lock held by a session lives exactly as long as that session: PostgreSQL drops it when the
 * loader's process dies, however it dies, so a file {@code loading} without its lock held has no
 * loader any more. No clock, lease or heartbeat is needed to tell.
 */
final class LoadLocks {
  /** The first key of every load lock ("txld"), apart from other users of advisory locks. */
  static final int SPACE = 0x74786c64;

  /**
   * A condition on the {@code ingest_files f} row: some session holds its file's lock. Two-key
   * advisory locks show in {@code pg_locks} as classid, objid and objsubid 2.
   */
  static final String HELD =
      "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
          + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
          + " AND l.classid = "
          + SPACE
          + "::oid AND l.objid = f.file_id::oid AND l.objsubid = 2)";

  private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(" + SPACE + ", ?)";
  private static final String TRY_XACT_LOCK = "SELECT pg_try_advisory_xact_lock(" + SPACE + ", ?)";

  private LoadLocks() {}

  /** Takes the file's lock for the session, unless another session holds it. */
  static boolean tryLock(Connection c, int fileId) throws SQLException {
    return query(c, TRY_LOCK, fileId);
  }

  /** Takes the file's lock until the transaction ends, unless another session holds it. */
  static boolean tryLockForTransaction(Connection c, int fileId) throws SQLException {
    return query(c, TRY_XACT_LOCK, fileId);
  }

  /** Releases every session lock of the connection, before it goes back to a pool. */
  static void unlockAll(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_unlock_all()");
    }
  }

  /** The error for a file whose lock another process holds. */
  static SQLException busy(String name, int fileId) {
    // 55P03 lock_not_available: a statement failed, the connection is fine
    return new SQLException(
        name
            + " is being loaded by another process (file "
            + fileId
            + "); wait for it to finish or stop it",
        "55P03");
  }

  private static boolean query(Connection c, String sql, int fileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
