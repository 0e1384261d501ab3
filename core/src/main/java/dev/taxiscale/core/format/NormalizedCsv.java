package dev.taxiscale.core.format;

import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes trips as {@link TripFormat#NORMALIZED} lines, which {@link TripLineProcessor} reads back
 * into equal trips (ids aside, as those come from the file and line a row is loaded from).
 */
public final class NormalizedCsv {
  /** The header line, without line end. */
  public static final String HEADER = TripFormat.NORMALIZED.header();

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private NormalizedCsv() {}

  /** One trip as a line, without line end; absent values are empty fields. */
  public static String line(Trip t) {
    StringBuilder out = new StringBuilder(160);
    out.append(t.source().code()).append(',');
    text(out, t.vendor()).append(',');
    time(out, t.pickupAt()).append(',');
    time(out, t.dropoffAt()).append(',');
    integer(out, t.passengers()).append(',');
    number(out, t.distanceMiles()).append(',');
    number(out, t.pickupLon()).append(',');
    number(out, t.pickupLat()).append(',');
    number(out, t.dropoffLon()).append(',');
    number(out, t.dropoffLat()).append(',');
    text(out, t.payment()).append(',');
    number(out, t.fare()).append(',');
    number(out, t.total()).append(',');
    return integer(out, t.rateCode()).toString();
  }

  private static StringBuilder text(StringBuilder out, String value) {
    if (value == null) {
      return out;
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
      return out.append(value);
    }
    return out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  private static StringBuilder time(StringBuilder out, LocalDateTime value) {
    return value == null ? out : out.append(TIME.format(value));
  }

  private static StringBuilder integer(StringBuilder out, Integer value) {
    return value == null ? out : out.append(value.intValue());
  }

  private static StringBuilder number(StringBuilder out, double value) {
    return Double.isNaN(value) ? out : out.append(value);
  }
}
