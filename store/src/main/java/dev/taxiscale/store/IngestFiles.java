package dev.taxiscale.store;

import dev.taxiscale.core.clean.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The {@link Tables#INGEST_FILES} registry that makes loads idempotent.
 *
 * <p>A file is identified by its fingerprint. {@link #claim} either reports it done, or holds it
 * for this process ({@link FileClaim}) under a lock PostgreSQL releases when the process dies: a
 * file left {@code loading} or {@code interrupted} is reclaimed with its partial rows deleted
 * (trips and their {@link TripHours} sums), so every load starts from the same state; a completed
 * file is reloaded beside its old rows and swapped in at the end. {@link InterruptedLoads} finds
 * loads whose process died.
 */
public final class IngestFiles {
  private static final String FIND =
      "SELECT file_id, status FROM " + Tables.INGEST_FILES + " WHERE fingerprint = ? FOR UPDATE";
  private static final String INSERT =
      "INSERT INTO "
          + Tables.INGEST_FILES
          + " (name, fingerprint, format, engine, status) VALUES (?, ?, ?, ?, 'loading')"
          + " ON CONFLICT (fingerprint) DO NOTHING RETURNING file_id, now()";
  private static final String RESTART =
      "UPDATE "
          + Tables.INGEST_FILES
          + " SET name = ?, format = ?, engine = ?, status = 'loading', rows_in = 0, kept = 0,"
          + " rejected = 0, rejects = '{}', started_at = now(), finished_at = NULL"
          + " WHERE file_id = ?";
  private static final String FIND_DONE =
      "SELECT rows_in, kept, rejected FROM " + Tables.INGEST_FILES + " WHERE file_id = ?";
  private static final String REJECTS =
      "SELECT key, value::bigint FROM "
          + Tables.INGEST_FILES
          + " f, jsonb_each_text(f.rejects) WHERE file_id = ?";

  /**
   * A {@code loading} file nobody holds died before {@link InterruptedLoads} got to it; a {@code
   * done} file somebody holds is being reloaded.
   */
  private static final String LIST =
      "SELECT file_id, name, format, engine, CASE"
          + " WHEN status = 'loading' AND NOT "
          + LoadLocks.HELD
          + " THEN 'interrupted' WHEN status = 'done' AND "
          + LoadLocks.HELD
          + " THEN 'reloading' ELSE status END,"
          + " rows_in, kept, rejected, started_at, finished_at FROM "
          + Tables.INGEST_FILES
          + " f ORDER BY file_id";

  private static final String DELETE_ROWS =
      "DELETE FROM " + Tables.TRIPS + " WHERE id >= ? AND id < ?";

  private final DataSource dataSource;

  public IngestFiles(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Claims a file for loading unless a previous load of the same bytes completed. */
  public FileClaim claim(String name, String fingerprint, String format, String engine)
      throws SQLException {
    return claim(name, fingerprint, format, engine, false);
  }

  /**
   * Claims a file for loading; with {@code reload} a completed file is claimed again, its rows
   * staying in place until the reload finishes.
   *
   * @throws SQLException also when another process is loading the same bytes (SQLSTATE 55P03)
   */
  public FileClaim claim(
      String name, String fingerprint, String format, String engine, boolean reload)
      throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      FileClaim claim = claim(c, name, fingerprint, format, engine, reload);
      c.commit();
      if (claim.done()) {
        c.close();
      }
      return claim;
    } catch (SQLException | RuntimeException e) {
      release(c, e);
      throw e;
    }
  }

  /** Every registered file in load order, each in the state its loader is truly in. */
  public List<IngestedFile> list() throws SQLException {
    List<IngestedFile> files = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(LIST)) {
      while (rs.next()) {
        Timestamp finished = rs.getTimestamp(10);
        files.add(
            new IngestedFile(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                IngestedFile.State.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getTimestamp(9).toInstant(),
                finished == null ? null : finished.toInstant()));
      }
    }
    return files;
  }

  /** The first trip id of a file; its rows occupy {@code [first(id), first(id + 1))}. */
  public static long firstTripId(int fileId) {
    return (long) fileId << 32;
  }

  /** Deletes a file's trips and their sums. */
  static void deleteRows(Connection c, int fileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE_ROWS)) {
      ps.setLong(1, firstTripId(fileId));
      ps.setLong(2, firstTripId(fileId + 1));
      ps.executeUpdate();
    }
    TripHours.delete(c, fileId);
    ZoneHours.delete(c, fileId);
  }

  private static FileClaim claim(
      Connection c, String name, String fingerprint, String format, String engine, boolean reload)
      throws SQLException {
    // the row lock orders claims of the same bytes: a second one waits, then finds the first's lock
    try (PreparedStatement find = c.prepareStatement(FIND)) {
      find.setString(1, fingerprint);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          return insert(c, name, fingerprint, format, engine, reload);
        }
        int fileId = rs.getInt(1);
        boolean done = "done".equals(rs.getString(2));
        if (done && !reload) {
          return FileClaim.done(findDone(c, fileId));
        }
        if (!LoadLocks.tryLock(c, fileId)) {
          throw LoadLocks.busy(name, fileId);
        }
        if (done) {
          String staging = FileClaim.createStaging(c, fileId);
          return FileClaim.loading(
              c, fileId, staging, new FileClaim.Entry(name, format, engine, now(c)));
        }
        deleteRows(c, fileId);
        restart(c, fileId, name, format, engine);
        return FileClaim.loading(
            c, fileId, Tables.TRIPS, new FileClaim.Entry(name, format, engine, now(c)));
      }
    }
  }

  private static FileClaim insert(
      Connection c, String name, String fingerprint, String format, String engine, boolean reload)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, name);
      ps.setString(2, fingerprint);
      ps.setString(3, format);
      ps.setString(4, engine);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          // another process registered the same bytes since: its row decides
          return claim(c, name, fingerprint, format, engine, reload);
        }
        int fileId = rs.getInt(1);
        // taken before the row is committed, so no other process ever sees it unlocked
        if (!LoadLocks.tryLock(c, fileId)) {
          throw LoadLocks.busy(name, fileId);
        }
        return FileClaim.loading(
            c, fileId, Tables.TRIPS, new FileClaim.Entry(name, format, engine, rs.getTimestamp(2)));
      }
    }
  }

  private static void restart(Connection c, int fileId, String name, String format, String engine)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RESTART)) {
      ps.setString(1, name);
      ps.setString(2, format);
      ps.setString(3, engine);
      ps.setInt(4, fileId);
      ps.executeUpdate();
    }
  }

  private static Timestamp now(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT now()")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  /** Gives the connection back without the transaction or lock a failed claim left on it. */
  private static void release(Connection c, Exception failure) {
    try (c) {
      c.rollback();
      c.setAutoCommit(true);
      LoadLocks.unlockAll(c);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static FileRegistration findDone(Connection c, int fileId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FIND_DONE)) {
      ps.setInt(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("ingest file " + fileId + " vanished");
        }
        Map<Reason, Long> rejects = rejects(c, fileId);
        return new FileRegistration(
            fileId, true, new FileCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rejects));
      }
    }
  }

  private static Map<Reason, Long> rejects(Connection c, int fileId) throws SQLException {
    Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
    try (PreparedStatement ps = c.prepareStatement(REJECTS)) {
      ps.setInt(1, fileId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rejects.put(Reason.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getLong(2));
        }
      }
    }
    return rejects;
  }
}
