package dev.taxiscale.store;

import dev.taxiscale.core.clean.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@link Tables#INGEST_FILES} registry that makes loads idempotent.
 *
 * <p>A file is identified by its fingerprint. {@link #begin} either reports it done, or (re)claims
 * it as {@code loading} and deletes any rows an earlier, interrupted load left behind (trips and
 * their {@link TripHours} sums), so every load starts from the same state; {@link #finish} marks it
 * done with its counts.
 */
public final class IngestFiles {
  private static final String UPSERT =
      "INSERT INTO "
          + Tables.INGEST_FILES
          + " AS f (name, fingerprint, format, engine, status) VALUES (?, ?, ?, ?, 'loading')"
          + " ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name,"
          + " format = excluded.format, engine = excluded.engine, status = 'loading',"
          + " rows_in = 0, kept = 0, rejected = 0, rejects = '{}', started_at = now(),"
          + " finished_at = NULL WHERE f.status <> 'done' OR ?"
          + " RETURNING file_id";
  private static final String FIND_DONE =
      "SELECT file_id, rows_in, kept, rejected FROM "
          + Tables.INGEST_FILES
          + " WHERE fingerprint = ? AND status = 'done'";
  private static final String REJECTS =
      "SELECT key, value::bigint FROM "
          + Tables.INGEST_FILES
          + " f, jsonb_each_text(f.rejects) WHERE file_id = ?";
  private static final String DELETE_ROWS =
      "DELETE FROM " + Tables.TRIPS + " WHERE id >= ? AND id < ?";
  private static final String FINISH =
      "UPDATE "
          + Tables.INGEST_FILES
          + " SET status = 'done', rows_in = ?, kept = ?, rejected = ?, rejects = ?::jsonb,"
          + " finished_at = now() WHERE file_id = ?";

  private static final String FORGET =
      "DELETE FROM " + Tables.INGEST_FILES + " WHERE file_id = ? AND status = 'loading'";

  private final DataSource dataSource;

  public IngestFiles(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Registers a file for loading unless a previous load of the same bytes completed. */
  public FileRegistration begin(String name, String fingerprint, String format, String engine)
      throws SQLException {
    return begin(name, fingerprint, format, engine, false);
  }

  /**
   * Registers a file for loading; with {@code reload} a completed file is claimed again.
   *
   * <p>A claimed file has its old rows deleted in the same transaction, so a load killed midway, or
   * a forced reload, converges to the same end state.
   */
  public FileRegistration begin(
      String name, String fingerprint, String format, String engine, boolean reload)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        FileRegistration registration = claim(c, name, fingerprint, format, engine, reload);
        c.commit();
        return registration;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Marks a file done with its counts. */
  public void finish(int fileId, FileCounts counts) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FINISH)) {
      ps.setLong(1, counts.rowsIn());
      ps.setLong(2, counts.kept());
      ps.setLong(3, counts.rejected());
      ps.setString(4, counts.rejectsJson());
      ps.setInt(5, fileId);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("no ingest file with id " + fileId);
      }
    }
  }

  /**
   * Forgets a load that failed: its rows go and its claim with them, so that no file stays {@code
   * loading} after a failure the engine saw (a lost connection cannot be cleaned up this way; such
   * a file is reloaded from scratch when it is loaded again).
   */
  public void abandon(int fileId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        deleteRows(c, fileId);
        try (PreparedStatement ps = c.prepareStatement(FORGET)) {
          ps.setInt(1, fileId);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The first trip id of a file; its rows occupy {@code [first(id), first(id + 1))}. */
  public static long firstTripId(int fileId) {
    return (long) fileId << 32;
  }

  private static FileRegistration claim(
      Connection c, String name, String fingerprint, String format, String engine, boolean reload)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, name);
      ps.setString(2, fingerprint);
      ps.setString(3, format);
      ps.setString(4, engine);
      ps.setBoolean(5, reload);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          int fileId = rs.getInt(1);
          deleteRows(c, fileId);
          return new FileRegistration(fileId, false, FileCounts.NONE);
        }
      }
    }
    return findDone(c, fingerprint);
  }

  private static void deleteRows(Connection c, int fileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE_ROWS)) {
      ps.setLong(1, firstTripId(fileId));
      ps.setLong(2, firstTripId(fileId + 1));
      ps.executeUpdate();
    }
    TripHours.delete(c, fileId);
    ZoneHours.delete(c, fileId);
  }

  private static FileRegistration findDone(Connection c, String fingerprint) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND_DONE)) {
      ps.setString(1, fingerprint);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("ingest file " + fingerprint + " neither claimed nor done");
        }
        int fileId = rs.getInt(1);
        Map<Reason, Long> rejects = rejects(c, fileId);
        return new FileRegistration(
            fileId, true, new FileCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rejects));
      }
    }
  }

  private static Map<Reason, Long> rejects(Connection c, int fileId) throws SQLException {
    Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
    try (PreparedStatement ps = c.prepareStatement(REJECTS)) {
      ps.setInt(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rejects.put(
              Reason.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getLong(2));
        }
      }
    }
    return rejects;
  }
}
