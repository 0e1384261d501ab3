package dev.taxiscale.store;

import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.trip.Trip;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Encodes trips as PostgreSQL binary COPY tuples in the column order of a {@link TripColumns} list
 * into a growable byte buffer.
 *
 * <p>Binary, not text: the server then copies numbers and timestamps as they are instead of parsing
 * a dozen decimals and two date-times per row, which was most of its COPY time, and this side skips
 * formatting them. A stream of tuples needs {@link #HEADER} before and {@link #TRAILER} after it;
 * {@link TripCopyWriter} sends both.
 *
 * <p>Not thread-safe: give each thread its own encoder.
 */
public final class TripCopyEncoder {
  /** The binary COPY signature, flags and an empty header extension. */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** A field count of -1 ends the data. */
  static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

  /** More than any row needs apart from its text fields, which make room for themselves. */
  private static final int ROW_ROOM = 384;

  /** PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;

  private final TripColumns columns;
  private final short fields;
  private static final int HIGH_VOLUME_FIELDS =
      TripColumns.ALL.fields() - TripColumns.COMMON.fields();

  private byte[] buf;
  private int size;

  public TripCopyEncoder() {
    this(1 << 16);
  }

  public TripCopyEncoder(int initialCapacity) {
    this(initialCapacity, TripColumns.COMMON);
  }

  /** An encoder for a COPY that names {@code columns}. */
  public TripCopyEncoder(int initialCapacity, TripColumns columns) {
    this.columns = columns;
    this.fields = columns.fields();
    buf = new byte[Math.max(initialCapacity, ROW_ROOM)];
  }

  /** The stream header, the trips' tuples and the trailer: a whole COPY input, for tests. */
  public static byte[] encodeAll(Iterable<Trip> trips) {
    return encodeAll(trips, TripColumns.COMMON);
  }

  /** As {@link #encodeAll(Iterable)}, for a COPY that names {@code columns}. */
  public static byte[] encodeAll(Iterable<Trip> trips, TripColumns columns) {
    TripCopyEncoder encoder = new TripCopyEncoder(1 << 16, columns);
    encoder.putBytes(HEADER);
    for (Trip trip : trips) {
      encoder.append(trip);
    }
    encoder.putBytes(TRAILER);
    return encoder.toByteArray();
  }

  /** Appends one tuple. */
  public void append(Trip t) {
    ensure(ROW_ROOM);
    putShort(fields);
    putLongField(t.id());
    putInt(4);
    putInt(t.fileId());
    putText(t.source().code());
    putText(t.vendor());
    putTimestamp(t.pickupAt());
    putTimestamp(t.dropoffAt());
    putDouble(t.pickupLon());
    putDouble(t.pickupLat());
    putDouble(t.dropoffLon());
    putDouble(t.dropoffLat());
    putPoint(t.pickupLon(), t.pickupLat());
    putPoint(t.dropoffLon(), t.dropoffLat());
    putSmallint(t.passengers());
    putReal(t.distanceMiles());
    putReal(t.fare());
    putReal(t.total());
    putText(t.payment());
    putSmallint(t.rateCode());
    putSmallint(t.pickupZone());
    putSmallint(t.dropoffZone());
    putText(t.precision().code());
    if (columns == TripColumns.ALL) {
      putHighVolume(t.highVolume());
    }
  }

  /** The encoded bytes; valid up to {@link #size()} until the next append or reset. */
  public byte[] buffer() {
    return buf;
  }

  public int size() {
    return size;
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    size = 0;
  }

  /** A copy of the encoded bytes. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /**
   * A projected coordinate as stored: whole millimeters, far below GPS error, kept as the double
   * nearest to them ({@code millimeters / 1000.0}).
   */
  static long millimeters(double meters) {
    return Math.round(meters * 1000);
  }

  /** The high-volume for-hire fields, all null for a trip of another source. */
  private void putHighVolume(HighVolume h) {
    if (h == null) {
      for (int i = 0; i < HIGH_VOLUME_FIELDS; i++) {
        putNull();
      }
      return;
    }
    putReal(h.tips());
    putReal(h.driverPay());
    putTimestamp(h.requestAt());
    putTimestamp(h.onSceneAt());
    putBoolean(h.sharedRequest());
    putBoolean(h.sharedMatch());
    putBoolean(h.accessARide());
    putBoolean(h.wavRequest());
    putBoolean(h.wavMatch());
  }

  private void putBoolean(Boolean v) {
    if (v == null) {
      putNull();
      return;
    }
    putInt(1);
    buf[size++] = (byte) (v ? 1 : 0);
  }

  private void putPoint(double lon, double lat) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      putNull();
      return;
    }
    putInt(16);
    putLong(Double.doubleToLongBits(millimeters(Projection.x(lon)) / 1000.0));
    putLong(Double.doubleToLongBits(millimeters(Projection.y(lat)) / 1000.0));
  }

  private void putTimestamp(LocalDateTime ts) {
    if (ts == null) {
      putNull();
      return;
    }
    long seconds = ts.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECONDS;
    putLongField(seconds * 1_000_000 + ts.getNano() / 1000);
  }

  private void putDouble(double v) {
    if (!Double.isFinite(v)) {
      putNull();
      return;
    }
    putLongField(Double.doubleToLongBits(v));
  }

  private void putReal(double v) {
    if (!Double.isFinite(v)) {
      putNull();
      return;
    }
    putInt(4);
    putInt(Float.floatToIntBits((float) v));
  }

  private void putSmallint(Integer v) {
    if (v == null) {
      putNull();
      return;
    }
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new IllegalArgumentException("smallint out of range: " + v);
    }
    putInt(2);
    putShort(v.shortValue());
  }

  /** UTF-8, the connection's client encoding; binary COPY needs no escapes. */
  private void putText(String s) {
    if (s == null) {
      putNull();
      return;
    }
    if (isAscii(s)) {
      ensure(4 + s.length());
      putInt(s.length());
      for (int i = 0; i < s.length(); i++) {
        buf[size++] = (byte) s.charAt(i);
      }
    } else {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      ensure(4 + bytes.length);
      putInt(bytes.length);
      putBytes(bytes);
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void putNull() {
    putInt(-1);
  }

  private void putLongField(long v) {
    putInt(8);
    putLong(v);
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  private void putInt(int v) {
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  private void putShort(short v) {
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  private void putBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
