package dev.taxiscale.core.generate;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripFormat;
import java.io.IOException;
import java.time.LocalDate;

/** Writes the header and rows of one format, byte for byte in the style of the original files. */
abstract class RowWriter {

  static RowWriter of(TripFormat format, LocalDate startDate) {
    return switch (format) {
      case YELLOW_2014 -> new Yellow2014Writer();
      case GREEN_2014 -> new Green2014Writer();
      case UBER_2014 -> new UberWriter();
      case YELLOW_2015 -> new Yellow2015Writer(startDate);
      case NORMALIZED -> new NormalizedWriter();
    };
  }

  /** The header line and the blank lines some formats put after it. */
  abstract void preamble(ByteSink out) throws IOException;

  /** The fields of one row, without the line ending. */
  abstract void fields(Draft d, ByteSink out);

  /** How many fields a truncated row keeps: too few to be a row, as when a file is cut off. */
  abstract int truncatedFields();

  /** One row with its CRLF line ending, the way its fault (if any) needs it written. */
  final void row(Draft d, ByteSink out) {
    int start = out.position();
    fields(d, out);
    if (d.fault == Reason.TRUNCATED_ROW) {
      out.cutBeforeComma(start, truncatedFields());
    }
    out.crlf();
  }

  /** {@code YYYY-MM-DD HH:MM:SS}, or with month 13 when the row's timestamp is to be garbled. */
  static void isoPickup(Draft d, ByteSink out) {
    out.isoTimestamp(d.pickupAt);
    if (d.fault == Reason.UNPARSEABLE_TIMESTAMP) {
      out.patchMonthThirteen();
    }
  }

  /** A number with a stray letter when the row's number is to be garbled. */
  static void garbleIfFaulty(Draft d, ByteSink out) {
    if (d.fault == Reason.UNPARSEABLE_NUMBER) {
      out.ch('x');
    }
  }
}
