package dev.taxiscale.core.generate;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripFormat;

/**
 * Uber 2014: a quoted header, quoted {@code M/D/YYYY H:MM:SS} times at whole minutes, four-decimal
 * coordinates (latitude first), a quoted base code, CRLF.
 */
final class UberWriter extends RowWriter {
  /** The five Uber bases of the 2014 FOIL data. */
  static final String[] BASES = {"B02512", "B02598", "B02617", "B02682", "B02764"};

  @Override
  void preamble(ByteSink out) {
    out.ascii(TripFormat.UBER_2014.header()).crlf();
  }

  @Override
  int truncatedFields() {
    return 2;
  }

  @Override
  void fields(Draft d, ByteSink out) {
    out.ch('"');
    long minute = d.pickupAt - Math.floorMod(d.pickupAt, 60L);
    if (d.fault == Reason.UNPARSEABLE_TIMESTAMP) {
      out.ascii("13/");
    }
    out.slashedTimestamp(minute);
    out.ch('"').comma();
    out.decimal(Math.round(d.pickupLat * 1e4), 4, false, true);
    garbleIfFaulty(d, out);
    out.comma().decimal(Math.round(d.pickupLon * 1e4), 4, false, true).comma();
    out.ch('"').ascii(BASES[d.base]).ch('"');
  }
}
