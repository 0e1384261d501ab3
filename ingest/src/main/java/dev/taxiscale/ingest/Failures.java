package dev.taxiscale.ingest;

import dev.taxiscale.store.Database;
import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.zip.ZipException;

/** Turns low-level exceptions into the one-line explanations the CLI prints. */
final class Failures {
  private Failures() {}

  static String describe(IOException e) {
    if (e instanceof ZipException || e instanceof EOFException && isGzip(e)) {
      return "corrupt or truncated gzip data (" + firstLine(e) + ")";
    }
    return "read failed: " + firstLine(e);
  }

  /** Whether the database went away, as opposed to rejecting a statement. */
  static boolean isConnectionLoss(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
              && (Database.isConnectionFailure(sql) || isClosedByPool(sql))
          || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * HikariCP reports a connection it already evicted after a failure as "Connection is closed"
   * without an SQLSTATE; it means the same as a lost connection.
   */
  private static boolean isClosedByPool(SQLException e) {
    return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
  }

  /**
   * The innermost SQL exception says most, e.g. "Connection to host:port refused" under a pool
   * timeout.
   */
  static String describe(SQLException e) {
    SQLException innermost = e;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        innermost = sql;
      }
    }
    return (isConnectionLoss(e) ? "database unavailable: " : "database error: ")
        + firstLine(innermost);
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  private static boolean isGzip(IOException e) {
    String message = e.getMessage();
    return message != null && message.contains("ZLIB");
  }
}
