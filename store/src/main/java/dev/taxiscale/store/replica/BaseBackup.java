package dev.taxiscale.store.replica;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby's data directory made from a running primary on this machine without {@code
 * pg_basebackup}: a replication slot keeps the primary's WAL from before the backup started, {@code
 * pg_backup_start} and {@code pg_backup_stop} on one session bracket a plain file copy, and the
 * backup label they return tells the standby where its WAL replay must begin.
 */
final class BaseBackup {
  private static final Logger log = LoggerFactory.getLogger(BaseBackup.class);

  /** A standby refuses to start with less of these than its primary has. */
  private static final List<String> AT_LEAST_THE_PRIMARYS =
      List.of(
          "max_connections",
          "max_worker_processes",
          "max_wal_senders",
          "max_prepared_transactions",
          "max_locks_per_transaction");

  private static final int FIRST_VERSION_WITH_BACKUP_START = 150_000;

  private BaseBackup() {}

  /**
   * Copies the primary into {@code target} (absent or empty) as a standby and creates its slot.
   *
   * @return the primary's settings the standby must match
   */
  static Map<String, String> take(ReplicationSource primary, String slot, Path target)
      throws IOException, SQLException {
    try (Connection session = primary.connect()) {
      requireReplicationReady(session);
      Path source = Path.of(show(session, "data_directory"));
      Map<String, String> matched = new LinkedHashMap<>();
      for (String setting : AT_LEAST_THE_PRIMARYS) {
        matched.put(setting, show(session, setting));
      }
      createSlot(session, slot);
      try {
        copyBetweenBackupStartAndStop(session, source, target, slot);
      } catch (IOException | SQLException | RuntimeException e) {
        dropSlotQuietly(session, slot);
        throw e;
      }
      Files.createFile(target.resolve("standby.signal"));
      return matched;
    }
  }

  /** Drops the replica's slot so the primary stops keeping WAL for it. */
  static void dropSlot(Connection primary, String slot) throws SQLException {
    try (PreparedStatement s =
        primary.prepareStatement(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE slot_name = ?")) {
      s.setString(1, slot);
      s.executeQuery().close();
    }
  }

  private static void copyBetweenBackupStartAndStop(
      Connection session, Path source, Path target, String label) throws IOException, SQLException {
    long started = System.nanoTime();
    try (PreparedStatement s = session.prepareStatement("SELECT pg_backup_start(?, true)")) {
      s.setString(1, label);
      s.executeQuery().close();
    }
    // on failure the session closes, which aborts the backup on the primary
    long bytes = DataDirectoryCopy.copy(source, target);
    try (Statement s = session.createStatement();
        ResultSet rs = s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
      rs.next();
      Files.writeString(target.resolve("backup_label"), rs.getString(1));
      String tablespaceMap = rs.getString(2);
      if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
        Files.writeString(target.resolve("tablespace_map"), tablespaceMap);
      }
    }
    log.info(
        "copied {} MB of {} in {} ms",
        bytes >> 20,
        source,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static void requireReplicationReady(Connection session) throws SQLException {
    int version = Integer.parseInt(show(session, "server_version_num"));
    if (version < FIRST_VERSION_WITH_BACKUP_START) {
      throw new SQLException(
          "seeding a replica needs PostgreSQL 15 or later on the primary, found "
              + show(session, "server_version"));
    }
    if (show(session, "wal_level").equals("minimal")
        || show(session, "max_wal_senders").equals("0")) {
      throw new SQLException(
          "the primary does not allow replication (wal_level=minimal or max_wal_senders=0):"
              + " start it with EmbeddedDatabase.startPrimary");
    }
  }

  /**
   * Creates the slot with its WAL reserved at once, so nothing the copy needs is recycled. An
   * inactive slot of the same name is a former replica of this name, replaced by this one.
   */
  private static void createSlot(Connection session, String slot) throws SQLException {
    dropInactiveSlot(session, slot);
    try (PreparedStatement s =
        session.prepareStatement("SELECT pg_create_physical_replication_slot(?, true)")) {
      s.setString(1, slot);
      s.executeQuery().close();
    }
  }

  private static void dropInactiveSlot(Connection session, String slot) throws SQLException {
    try (PreparedStatement s =
        session.prepareStatement(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE slot_name = ? AND NOT active")) {
      s.setString(1, slot);
      s.executeQuery().close();
    }
  }

  private static void dropSlotQuietly(Connection session, String slot) {
    try {
      dropSlot(session, slot);
    } catch (SQLException e) {
      log.warn("could not drop replication slot {}: {}", slot, e.getMessage());
    }
  }

  private static String show(Connection session, String setting) throws SQLException {
    try (PreparedStatement s = session.prepareStatement("SELECT current_setting(?)")) {
      s.setString(1, setting);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
