package dev.taxiscale.testkit;

import dev.taxiscale.core.trip.HighVolume;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The high-volume for-hire fields of the stored trips by row number in their file, and the same
 * fields as a test reads them from a Parquet file with another reader, so both compare as values.
 */
public final class StoredHighVolume {
  private static final String SELECT =
      "SELECT id & 4294967295, tips, driver_pay, request_ts, on_scene_ts, shared_request,"
          + " shared_match, access_a_ride, wav_request, wav_match FROM trips";

  private StoredHighVolume() {}

  /** Every stored trip's fields, by its row number in its file. */
  public static Map<Long, HighVolume> byRow(DataSource db) throws SQLException {
    Map<Long, HighVolume> rows = new HashMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SELECT)) {
      while (rs.next()) {
        rows.put(
            rs.getLong(1),
            new HighVolume(
                amount(rs.getObject(2, Float.class)),
                amount(rs.getObject(3, Float.class)),
                rs.getObject(4, LocalDateTime.class),
                rs.getObject(5, LocalDateTime.class),
                rs.getObject(6, Boolean.class),
                rs.getObject(7, Boolean.class),
                rs.getObject(8, Boolean.class),
                rs.getObject(9, Boolean.class),
                rs.getObject(10, Boolean.class)));
      }
    }
    return rows;
  }

  /** A file's amount as the {@code real} column keeps it; NaN when absent. */
  public static double amount(Number value) {
    return value == null ? Double.NaN : (double) value.floatValue();
  }

  /** A flag as the TLC writes it: {@code Y}, {@code N}, or blank for absent. */
  public static Boolean flag(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (text) {
      case "Y" -> true;
      case "N" -> false;
      default -> throw new IllegalArgumentException("not a flag: '" + text + "'");
    };
  }
}
