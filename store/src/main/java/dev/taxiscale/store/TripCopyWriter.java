package dev.taxiscale.store;

import dev.taxiscale.core.trip.Trip;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams trips into {@link Tables#TRIPS} with one {@code COPY ... FROM STDIN} in binary format.
 *
 * <p>Engine-neutral: the local engine feeds it pre-encoded chunks, a Spark executor calls {@link
 * #copy(Connection, Iterator)} per partition. Rows become visible when the connection's transaction
 * commits (at once under auto-commit).
 */
public final class TripCopyWriter implements AutoCloseable {
  /** The common COPY column list, in the order {@link TripCopyEncoder} writes the fields. */
  public static final String COLUMNS = TripColumns.COMMON.list();

  public static final String COPY_SQL = copySql(Tables.TRIPS, TripColumns.COMMON);

  /** Large enough to amortize a socket write, small enough to keep two cores busy. */
  private static final int FLUSH_BYTES = 1 << 20;

  private final CopyIn copyIn;
  private final TripCopyEncoder encoder;
  private boolean ended;

  private TripCopyWriter(CopyIn copyIn, TripColumns columns) {
    this.copyIn = copyIn;
    this.encoder = new TripCopyEncoder(FLUSH_BYTES + 4096, columns);
  }

  /** Starts a COPY on the connection (pooled connections are unwrapped to the driver's). */
  public static TripCopyWriter open(Connection connection) throws SQLException {
    return open(connection, Tables.TRIPS);
  }

  /**
   * Starts a COPY into {@code table}: {@link Tables#TRIPS}, or the staging table a {@link
   * FileClaim} names for a reload.
   */
  public static TripCopyWriter open(Connection connection, String table) throws SQLException {
    return open(connection, table, TripColumns.COMMON);
  }

  /** As {@link #open(Connection, String)}, naming {@code columns}. */
  public static TripCopyWriter open(Connection connection, String table, TripColumns columns)
      throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    CopyIn copyIn = pg.getCopyAPI().copyIn(copySql(table, columns));
    copyIn.writeToCopy(TripCopyEncoder.HEADER, 0, TripCopyEncoder.HEADER.length);
    return new TripCopyWriter(copyIn, columns);
  }

  /** Copies every trip from the iterator in one COPY and returns the number of rows written. */
  public static long copy(Connection connection, Iterator<Trip> trips) throws SQLException {
    return copy(connection, Tables.TRIPS, trips);
  }

  /** As {@link #copy(Connection, Iterator)}, into {@code table}. */
  public static long copy(Connection connection, String table, Iterator<Trip> trips)
      throws SQLException {
    return copy(connection, table, TripColumns.COMMON, trips);
  }

  /** As {@link #copy(Connection, String, Iterator)}, naming {@code columns}. */
  public static long copy(
      Connection connection, String table, TripColumns columns, Iterator<Trip> trips)
      throws SQLException {
    try (TripCopyWriter writer = open(connection, table, columns)) {
      while (trips.hasNext()) {
        writer.write(trips.next());
      }
      return writer.finish();
    }
  }

  /** Encodes and buffers one trip. */
  public void write(Trip trip) throws SQLException {
    encoder.append(trip);
    if (encoder.size() >= FLUSH_BYTES) {
      flushEncoder();
    }
  }

  /** Sends tuples encoded by a {@link TripCopyEncoder}; a chunk may end inside a tuple. */
  public void writeEncoded(byte[] rows, int offset, int length) throws SQLException {
    flushEncoder();
    copyIn.writeToCopy(rows, offset, length);
  }

  /** Ends the COPY and returns the number of rows the server stored. */
  public long finish() throws SQLException {
    flushEncoder();
    copyIn.writeToCopy(TripCopyEncoder.TRAILER, 0, TripCopyEncoder.TRAILER.length);
    ended = true;
    return copyIn.endCopy();
  }

  /** Cancels the COPY unless it finished, so nothing of it is stored. */
  @Override
  public void close() throws SQLException {
    if (!ended && copyIn.isActive()) {
      ended = true;
      copyIn.cancelCopy();
    }
  }

  private static String copySql(String table, TripColumns columns) {
    return "COPY " + table + " (" + columns.list() + ") FROM STDIN (FORMAT binary)";
  }

  private void flushEncoder() throws SQLException {
    if (encoder.size() > 0) {
      copyIn.writeToCopy(encoder.buffer(), 0, encoder.size());
      encoder.reset();
    }
  }
}
