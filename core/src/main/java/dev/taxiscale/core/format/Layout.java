package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Column.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which header name each {@link Column} has in each format. Names are compared trimmed and
 * lower-cased, which also covers Yellow 2015's {@code RateCodeID}/{@code RatecodeID} spellings.
 */
final class Layout {
  private static final Map<TripFormat, Map<Column, String>> NAMES = new EnumMap<>(TripFormat.class);

  static {
    NAMES.put(
        TripFormat.YELLOW_2014,
        tlcNames("vendor_id", "pickup_datetime", "dropoff_datetime", "rate_code"));
    NAMES.put(
        TripFormat.GREEN_2014,
        tlcNames("vendorid", "lpep_pickup_datetime", "lpep_dropoff_datetime", "ratecodeid"));
    NAMES.put(
        TripFormat.UBER_2014,
        names(VENDOR, "base", PICKUP_AT, "date/time", PICKUP_LON, "lon", PICKUP_LAT, "lat"));
    NAMES.put(
        TripFormat.YELLOW_2015,
        tlcNames("vendorid", "tpep_pickup_datetime", "tpep_dropoff_datetime", "ratecodeid"));
    NAMES.put(TripFormat.NORMALIZED, normalizedNames());
  }

  /** The normalized header spells every column, the source included. */
  private static Map<Column, String> normalizedNames() {
    return names(
        SOURCE,
        "source",
        VENDOR,
        "vendor",
        PICKUP_AT,
        "pickup_at",
        DROPOFF_AT,
        "dropoff_at",
        PASSENGERS,
        "passengers",
        DISTANCE,
        "distance_miles",
        PICKUP_LON,
        "pickup_lon",
        PICKUP_LAT,
        "pickup_lat",
        DROPOFF_LON,
        "dropoff_lon",
        DROPOFF_LAT,
        "dropoff_lat",
        PAYMENT,
        "payment",
        FARE,
        "fare",
        TOTAL,
        "total",
        RATE_CODE,
        "rate_code");
  }

  /** The TLC layouts share their column names but for vendor, the two times and rate code. */
  private static Map<Column, String> tlcNames(
      String vendor, String pickupAt, String dropoffAt, String rateCode) {
    return names(
        VENDOR,
        vendor,
        PICKUP_AT,
        pickupAt,
        DROPOFF_AT,
        dropoffAt,
        PASSENGERS,
        "passenger_count",
        DISTANCE,
        "trip_distance",
        PICKUP_LON,
        "pickup_longitude",
        PICKUP_LAT,
        "pickup_latitude",
        RATE_CODE,
        rateCode,
        DROPOFF_LON,
        "dropoff_longitude",
        DROPOFF_LAT,
        "dropoff_latitude",
        PAYMENT,
        "payment_type",
        FARE,
        "fare_amount",
        TOTAL,
        "total_amount");
  }

  /** A detected format and, per column ordinal, its field index in a row (-1 when absent). */
  record Match(TripFormat format, int[] indexes, int headerColumns) {}

  private Layout() {}

  /** Finds the format whose column names all appear in the header. */
  static Match detect(String headerLine) throws UnknownFormatException {
    List<String> header = headerNames(headerLine);
    for (TripFormat format : TripFormat.values()) {
      int[] indexes = indexesIn(header, NAMES.get(format));
      if (indexes != null) {
        return new Match(format, indexes, header.size());
      }
    }
    throw new UnknownFormatException(
        "header matches none of "
            + Arrays.toString(TripFormat.values())
            + " (names are compared trimmed and case-insensitively): "
            + headerLine);
  }

  /** The header's column names, trimmed, unquoted and lower-cased, without BOM or CR. */
  static List<String> headerNames(String headerLine) {
    String line = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
    int columns = CsvSplitter.count(line);
    int[] starts = new int[columns];
    int[] ends = new int[columns];
    CsvSplitter.split(line, starts, ends);
    List<String> names = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      names.add(line.substring(starts[i], ends[i]).trim().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static int[] indexesIn(List<String> header, Map<Column, String> names) {
    int[] indexes = new int[Column.COUNT];
    Arrays.fill(indexes, -1);
    for (Map.Entry<Column, String> entry : names.entrySet()) {
      int index = header.indexOf(entry.getValue());
      if (index < 0) {
        return null;
      }
      indexes[entry.getKey().ordinal()] = index;
    }
    return indexes;
  }

  /** Pairs of a column and its lower-case name, as a map. */
  static Map<Column, String> names(Object... columnThenName) {
    Map<Column, String> names = new EnumMap<>(Column.class);
    for (int i = 0; i < columnThenName.length; i += 2) {
      names.put((Column) columnThenName[i], (String) columnThenName[i + 1]);
    }
    return names;
  }
}
