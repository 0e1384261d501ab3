package dev.taxiscale.store;

import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.util.Arrays;

/**
 * {@link TripHours} rows built in memory while trips are parsed, so a load writes its sums without
 * reading its trips back.
 *
 * <p>An open-addressing hash from a packed key to seven running sums in one {@code long[]}: a month
 * of trips has millions of keys, and this costs under a hundred bytes each where boxed maps cost
 * several hundred. Not thread-safe: each parser fills its own and merges it into the file's under a
 * lock ({@link #addAll}).
 */
public final class HourlySums {
  /** Sums per key, in {@link TripHours#COLUMNS} order after the key columns. */
  public static final int SUMS = 7;

  private static final int TRIPS = 0;
  private static final int FARE_CENTS = 1;
  private static final int FARES = 2;
  private static final int SECONDS = 3;
  private static final int TIMED = 4;
  private static final int MILES_HUNDREDTHS = 5;
  private static final int MILES_SECONDS = 6;

  /** Squares are biased into 16 bits: 4,096 km either way of the origin. */
  private static final int SQUARE_BIAS = 1 << 15;

  /** Hours keep 30 bits: half a billion hours either way of 1970. */
  private static final int MAX_HOUR = (1 << 29) - 1;

  private static final Source[] SOURCES = Source.values();

  private long[] keys;
  private long[] sums;
  private int size;

  public HourlySums() {
    this(1 << 12);
  }

  /**
   * @param capacity slots to start with, a power of two
   */
  HourlySums(int capacity) {
    keys = new long[capacity];
    sums = new long[capacity * SUMS];
  }

  /** Receives one row of {@link #forEachRow}: the key and the sums at {@code sums[offset...]}. */
  public interface RowSink<E extends Exception> {
    void row(int squareX, int squareY, int hour, Source source, long[] sums, int offset) throws E;
  }

  /** Counts a trip into its square, hour and source. */
  public void add(Trip trip) {
    long key =
        key(
            TripHours.squareX(trip.pickupLon()),
            TripHours.squareY(trip.pickupLat()),
            TripHours.hour(trip.pickupAt()),
            trip.source());
    int at = slot(key) * SUMS;
    sums[at + TRIPS]++;
    // absent numbers are stored as NULL (TripCopyEncoder) and so are not summed
    if (Double.isFinite(trip.fare())) {
      sums[at + FARE_CENTS] += TripHours.hundredths(trip.fare());
      sums[at + FARES]++;
    }
    if (trip.dropoffAt() != null) {
      long seconds = TripHours.seconds(trip.pickupAt(), trip.dropoffAt());
      sums[at + SECONDS] += seconds;
      sums[at + TIMED]++;
      if (Double.isFinite(trip.distanceMiles())) {
        sums[at + MILES_HUNDREDTHS] += TripHours.hundredths(trip.distanceMiles());
        sums[at + MILES_SECONDS] += seconds;
      }
    }
  }

  /** Adds every row of {@code other} into this one. */
  public void addAll(HourlySums other) {
    for (int i = 0; i < other.keys.length; i++) {
      int from = i * SUMS;
      if (other.sums[from + TRIPS] > 0) {
        int to = slot(other.keys[i]) * SUMS;
        for (int s = 0; s < SUMS; s++) {
          sums[to + s] += other.sums[from + s];
        }
      }
    }
  }

  /** The number of rows (distinct square, hour and source). */
  public int size() {
    return size;
  }

  /** Forgets every row and keeps the capacity, for the next block. */
  public void clear() {
    if (size > 0) {
      Arrays.fill(sums, 0);
      size = 0;
    }
  }

  /** Hands out the rows ordered by hour, square column, square row and source. */
  public <E extends Exception> void forEachRow(RowSink<E> sink) throws E {
    long[] ordered = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (sums[i * SUMS + TRIPS] > 0) {
        ordered[n++] = keys[i];
      }
    }
    Arrays.sort(ordered);
    for (long key : ordered) {
      sink.row(
          (int) ((key >>> 18) & 0xFFFF) - SQUARE_BIAS,
          (int) ((key >>> 2) & 0xFFFF) - SQUARE_BIAS,
          (int) (key >> 34),
          SOURCES[(int) (key & 3)],
          sums,
          find(key) * SUMS);
    }
  }

  /** Hour, then square column, then row, then source, so that sorting keys sorts rows. */
  private static long key(int squareX, int squareY, int hour, Source source) {
    int x = squareX + SQUARE_BIAS;
    int y = squareY + SQUARE_BIAS;
    if ((x & ~0xFFFF) != 0 || (y & ~0xFFFF) != 0 || Math.abs(hour) > MAX_HOUR) {
      throw new IllegalArgumentException(
          "pickup square " + squareX + "," + squareY + " at hour " + hour + " out of range");
    }
    return ((long) hour << 34) | ((long) x << 18) | ((long) y << 2) | source.ordinal();
  }

  /** The slot holding {@code key}, claimed if new. */
  private int slot(long key) {
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      if (sums[i * SUMS + TRIPS] == 0) {
        if (size + 1 > keys.length * 7L / 10) {
          grow();
          return slot(key);
        }
        keys[i] = key;
        size++;
        return i;
      }
      if (keys[i] == key) {
        return i;
      }
    }
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (keys[i] != key || sums[i * SUMS + TRIPS] == 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldSums = sums;
    keys = new long[oldKeys.length * 2];
    sums = new long[keys.length * SUMS];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      int from = i * SUMS;
      if (oldSums[from + TRIPS] > 0) {
        System.arraycopy(oldSums, from, sums, slot(oldKeys[i]) * SUMS, SUMS);
      }
    }
  }

  private static int hash(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
  }
}
