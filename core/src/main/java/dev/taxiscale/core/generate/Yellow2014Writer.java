package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;

/**
 * Yellow 2014: an LF header with spaces after the commas, one blank CRLF line, text vendor and
 * payment codes, and coordinates printed at full double precision.
 */
final class Yellow2014Writer extends RowWriter {
  private static final String[] PAYMENTS = {"", "CRD", "CSH", "NOC", "DIS"};

  @Override
  void preamble(ByteSink out) {
    out.ascii(TripFormat.YELLOW_2014.header()).ch('\n').crlf();
  }

  @Override
  int truncatedFields() {
    return 5;
  }

  @Override
  void fields(Draft d, ByteSink out) {
    out.ascii(d.vendor == 1 ? "CMT" : "VTS").comma();
    isoPickup(d, out);
    out.comma().isoTimestamp(d.dropoffAt).comma();
    out.integer(d.passengers).comma();
    out.decimal(d.distanceHundredths, 2, false, true).comma();
    coordinate(d.pickupLon, out);
    garbleIfFaulty(d, out);
    out.comma();
    coordinate(d.pickupLat, out);
    out.comma().integer(d.rateCode).comma();
    // VeriFone meters leave the store-and-forward flag empty
    out.ascii(d.vendor == 1 ? (d.storedAndForwarded ? "Y" : "N") : "").comma();
    coordinate(d.dropoffLon, out);
    out.comma();
    coordinate(d.dropoffLat, out);
    out.comma().ascii(PAYMENTS[d.payment]).comma();
    amounts(d, out);
  }

  private static void amounts(Draft d, ByteSink out) {
    out.decimal(d.fareCents, 2, false, true).comma();
    out.decimal(d.extraCents, 2, false, true).comma();
    out.decimal(d.mtaTaxCents, 2, false, true).comma();
    out.decimal(d.tipCents, 2, false, true).comma();
    out.decimal(d.tollsCents, 2, false, true).comma();
    out.decimal(d.totalCents, 2, false, true);
  }

  /** Six decimals as the meters record them, printed as the double nearest to that. */
  private static void coordinate(double value, ByteSink out) {
    out.fullPrecision(Math.round(value * 1e6) / 1e6);
  }
}
