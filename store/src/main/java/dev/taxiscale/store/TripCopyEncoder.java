package dev.taxiscale.store;

import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.trip.Trip;

/**
 * Encodes trips as PostgreSQL COPY text rows in the column order of {@link TripCopyWriter#COLUMNS}
 * into a growable byte buffer.
 *
 * <p>Not thread-safe: give each thread its own encoder.
 */
public final class TripCopyEncoder {
  /** More than any row needs apart from its text fields, which make room for themselves. */
  private static final int ROW_ROOM = 512;

  private final CopyText out;

  public TripCopyEncoder() {
    this(1 << 16);
  }

  public TripCopyEncoder(int initialCapacity) {
    out = new CopyText(Math.max(initialCapacity, ROW_ROOM));
  }

  /** Appends one row, terminated by a newline. */
  public void append(Trip t) {
    out.ensure(ROW_ROOM);
    out.appendLong(t.id());
    out.tab();
    out.appendLong(t.fileId());
    out.tab();
    out.appendText(t.source().code());
    out.tab();
    out.appendText(t.vendor());
    out.tab();
    out.appendTimestamp(t.pickupAt());
    out.tab();
    out.appendTimestamp(t.dropoffAt());
    out.tab();
    out.appendDouble(t.pickupLon());
    out.tab();
    out.appendDouble(t.pickupLat());
    out.tab();
    out.appendDouble(t.dropoffLon());
    out.tab();
    out.appendDouble(t.dropoffLat());
    out.tab();
    appendPoint(t.pickupLon(), t.pickupLat());
    out.tab();
    appendPoint(t.dropoffLon(), t.dropoffLat());
    out.tab();
    out.appendInteger(t.passengers());
    out.tab();
    out.appendDouble(t.distanceMiles());
    out.tab();
    out.appendDouble(t.fare());
    out.tab();
    out.appendDouble(t.total());
    out.tab();
    out.appendText(t.payment());
    out.tab();
    out.appendInteger(t.rateCode());
    out.put('\n');
  }

  /** The encoded bytes; valid up to {@link #size()} until the next append or reset. */
  public byte[] buffer() {
    return out.buf;
  }

  public int size() {
    return out.size;
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    out.size = 0;
  }

  /** A copy of the encoded bytes. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  /** Projected meters at millimeter precision, far below GPS error. */
  private void appendPoint(double lon, double lat) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      out.putNull();
      return;
    }
    out.put('(');
    out.appendFixed(millimeters(Projection.x(lon)), 3);
    out.put(',');
    out.appendFixed(millimeters(Projection.y(lat)), 3);
    out.put(')');
  }

  /** A projected coordinate as written: whole millimeters, read back as their nearest double. */
  static long millimeters(double meters) {
    return Math.round(meters * 1000);
  }
}
