package dev.taxiscale.spark;

import dev.taxiscale.store.IngestFiles;
import dev.taxiscale.store.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks that the table holds exactly the kept trips of a file after its load job.
 *
 * <p>Each partition commits on its own, so a task that Spark ran again after its first attempt had
 * committed (an executor lost before its result arrived, or speculation) would store its rows
 * twice; with the primary key dropped for a bulk load nothing else would notice. One count over the
 * file's id range catches it, and the file then stays {@code loading} for a rerun.
 */
final class StoredRows {
  private static final String COUNT = "SELECT count(*) FROM %s WHERE id >= ? AND id < ?";

  private StoredRows() {}

  static void check(JdbcTarget target, int fileId, long kept, long written) throws SQLException {
    check(target, Tables.TRIPS, fileId, kept, written);
  }

  /** The same for a file loaded into {@code table}. */
  static void check(JdbcTarget target, String table, int fileId, long kept, long written)
      throws SQLException {
    long stored = count(target, table, fileId);
    if (stored != kept || written != kept) {
      throw new SQLException(
          "file "
              + fileId
              + " kept "
              + kept
              + " trips but the COPYs reported "
              + written
              + " and the table holds "
              + stored);
    }
  }

  static long count(JdbcTarget target, int fileId) throws SQLException {
    return count(target, Tables.TRIPS, fileId);
  }

  static long count(JdbcTarget target, String table, int fileId) throws SQLException {
    try (Connection connection = target.connect();
        PreparedStatement count = connection.prepareStatement(COUNT.formatted(table))) {
      count.setLong(1, IngestFiles.firstTripId(fileId));
      count.setLong(2, IngestFiles.firstTripId(fileId + 1));
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
