package dev.taxiscale.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.postgresql.core.BaseConnection;

/**
 * A file held for loading by this process, from {@link IngestFiles#claim} to {@link #close}; or a
 * file found {@link #done()}, which holds nothing.
 *
 * <p>The claim's own connection holds the file's {@link LoadLocks load lock}, so other processes
 * see the load is alive, and PostgreSQL releases it if this process dies. A first load writes
 * straight into {@link Tables#TRIPS}. A reload writes into a staging table ({@link #table()}), and
 * {@link #finish} deletes the old rows and moves the new ones in one transaction: readers see the
 * old rows until then, and a reload that dies leaves them as they were.
 */
public final class FileClaim implements AutoCloseable {
  private static final String SWAP_IN =
      "INSERT INTO "
          + Tables.TRIPS
          + " ("
          + TripColumns.ALL.list()
          + ") SELECT "
          + TripColumns.ALL.list()
          + " FROM %s ORDER BY id";
  private static final String FINISH =
      "UPDATE "
          + Tables.INGEST_FILES
          + " SET status = 'done', name = ?, format = ?, engine = ?, rows_in = ?, kept = ?,"
          + " rejected = ?, rejects = ?::jsonb, started_at = ?, finished_at = now()"
          + " WHERE file_id = ?";
  private static final String FORGET =
      "DELETE FROM " + Tables.INGEST_FILES + " WHERE file_id = ? AND status = 'loading'";

  /** What the registry row says once the load finishes. */
  record Entry(String name, String format, String engine, Timestamp startedAt) {}

  private final Connection connection;
  private final FileRegistration registration;
  private final String table;
  private final Entry entry;

  private FileClaim(
      Connection connection, FileRegistration registration, String table, Entry entry) {
    this.connection = connection;
    this.registration = registration;
    this.table = table;
    this.entry = entry;
  }

  /** A file whose earlier load completed: nothing to load, nothing held. */
  static FileClaim done(FileRegistration registration) {
    return new FileClaim(null, registration, Tables.TRIPS, null);
  }

  /** A file to load into {@code table}, locked by {@code connection}'s session. */
  static FileClaim loading(Connection connection, int fileId, String table, Entry entry) {
    return new FileClaim(
        connection, new FileRegistration(fileId, false, FileCounts.NONE), table, entry);
  }

  public FileRegistration registration() {
    return registration;
  }

  public int fileId() {
    return registration.fileId();
  }

  /** Whether an earlier load completed, so that nothing is to be loaded. */
  public boolean done() {
    return registration.done();
  }

  /** Where the file's trips go: {@link Tables#TRIPS}, or a reload's staging table. */
  public String table() {
    return table;
  }

  /**
   * Whether this load replaces a completed one; its trips then go to a staging table and {@link
   * #finish} writes the file's {@link TripHours} and {@link ZoneHours} sums itself.
   */
  public boolean replacing() {
    return !Tables.TRIPS.equals(table);
  }

  /** Marks the file done with its counts; a reload swaps its rows in first, atomically. */
  public void finish(FileCounts counts) throws SQLException {
    inTransaction(
        () -> {
          if (replacing()) {
            swapIn();
          }
          try (PreparedStatement ps = connection.prepareStatement(FINISH)) {
            ps.setString(1, entry.name());
            ps.setString(2, entry.format());
            ps.setString(3, entry.engine());
            ps.setLong(4, counts.rowsIn());
            ps.setLong(5, counts.kept());
            ps.setLong(6, counts.rejected());
            ps.setString(7, counts.rejectsJson());
            ps.setTimestamp(8, entry.startedAt());
            ps.setInt(9, fileId());
            if (ps.executeUpdate() != 1) {
              throw new SQLException("no ingest file with id " + fileId());
            }
          }
        });
  }

  /**
   * Forgets a load that failed: a first load's rows go and its claim with them, so that no file
   * stays {@code loading} after a failure the engine saw; a reload drops its staging table and
   * leaves the completed load as it was.
   */
  public void abandon() throws SQLException {
    inTransaction(
        () -> {
          if (replacing()) {
            dropStaging(connection, fileId());
            return;
          }
          IngestFiles.deleteRows(connection, fileId());
          try (PreparedStatement ps = connection.prepareStatement(FORGET)) {
            ps.setInt(1, fileId());
            ps.executeUpdate();
          }
        });
  }

  /**
   * Releases the load lock. Should that fail, the connection is broken, and its session (and the
   * lock with it) ends once the physical connection is closed, which is done here too.
   */
  @Override
  public void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
      connection.setAutoCommit(true);
      LoadLocks.unlockAll(connection);
      connection.close();
    } catch (SQLException e) {
      closePhysically();
    }
  }

  /** Creates a reload's staging table, shaped as trips is now, replacing a dead reload's one. */
  static String createStaging(Connection c, int fileId) throws SQLException {
    dropStaging(c, fileId);
    String staging = Tables.reloadOf(fileId);
    try (Statement s = c.createStatement()) {
      // unlogged: a crash of the server loses only a reload that must run again anyway
      s.execute(
          "CREATE UNLOGGED TABLE "
              + staging
              + " (LIKE "
              + Tables.TRIPS
              + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
    }
    return staging;
  }

  static void dropStaging(Connection c, int fileId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + Tables.reloadOf(fileId));
    }
  }

  private void swapIn() throws SQLException {
    IngestFiles.deleteRows(connection, fileId());
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(SWAP_IN.formatted(table));
    }
    TripHours.fill(connection, fileId());
    ZoneHours.fill(connection, fileId());
    dropStaging(connection, fileId());
  }

  private interface Work {
    void run() throws SQLException;
  }

  private void inTransaction(Work work) throws SQLException {
    if (connection == null) {
      throw new IllegalStateException("file " + fileId() + " was loaded before; nothing is held");
    }
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  private void closePhysically() {
    try {
      connection.unwrap(BaseConnection.class).close();
    } catch (SQLException ignored) {
      // already closed: the server has ended the session and released the lock
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the pool drops a connection whose physical connection is closed
    }
  }
}
