package dev.taxiscale.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds loads whose process died (killed, or cut off from the database) and cleans up after them: a
 * first load's partial rows are deleted and its file marked {@code interrupted}, which the next
 * ingest of the file loads again under the same file id; a dead reload's staging table is dropped,
 * leaving the completed load it was replacing as it was.
 *
 * <p>A load is dead when no session holds its {@link LoadLocks load lock}. Each file is taken under
 * its registry row's lock and then its load lock, in the order {@link IngestFiles#claim} takes
 * them, so a claim running meanwhile waits rather than failing.
 */
public final class InterruptedLoads {
  private static final String ORPHANS =
      "SELECT file_id FROM "
          + Tables.INGEST_FILES
          + " f WHERE status = 'loading' AND NOT "
          + LoadLocks.HELD
          + " ORDER BY file_id";
  private static final String STAGING =
      "SELECT substr(tablename, "
          + (Tables.TRIPS_RELOAD_PREFIX.length() + 1)
          + ")::int FROM pg_tables WHERE schemaname = current_schema()"
          + " AND tablename ~ '^"
          + Tables.TRIPS_RELOAD_PREFIX
          + "[0-9]+$' ORDER BY 1";
  private static final String LOCK_ROW =
      "SELECT status FROM " + Tables.INGEST_FILES + " WHERE file_id = ? FOR UPDATE";
  private static final String MARK =
      "UPDATE "
          + Tables.INGEST_FILES
          + " SET status = 'interrupted', rows_in = 0, kept = 0, rejected = 0, rejects = '{}',"
          + " finished_at = now() WHERE file_id = ?";

  private final DataSource dataSource;

  public InterruptedLoads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Cleans up after every dead load.
   *
   * @return the ids of the files marked {@code interrupted} (dead reloads leave theirs done)
   */
  public List<Integer> recover() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Integer> interrupted = new ArrayList<>();
        for (int fileId : ids(c, ORPHANS)) {
          if (lockDead(c, fileId, "loading")) {
            IngestFiles.deleteRows(c, fileId);
            mark(c, fileId);
            interrupted.add(fileId);
          }
          c.commit();
        }
        for (int fileId : ids(c, STAGING)) {
          if (lockDead(c, fileId, null)) {
            FileClaim.dropStaging(c, fileId);
          }
          c.commit();
        }
        return interrupted;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Locks a file's row and, for this transaction, its load lock; true when the row is still in
   * {@code status} (any, or none, for null) and no loader holds the file.
   */
  private static boolean lockDead(Connection c, int fileId, String status) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK_ROW)) {
      ps.setInt(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        boolean found = rs.next();
        if (status != null && !(found && status.equals(rs.getString(1)))) {
          return false;
        }
      }
    }
    return LoadLocks.tryLockForTransaction(c, fileId);
  }

  private static void mark(Connection c, int fileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(MARK)) {
      ps.setInt(1, fileId);
      ps.executeUpdate();
    }
  }

  private static List<Integer> ids(Connection c, String sql) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }
}
