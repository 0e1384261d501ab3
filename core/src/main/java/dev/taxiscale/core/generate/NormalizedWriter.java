package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;

/**
 * The normalized trips the cleaning step writes: the source on every row, text codes and plain
 * decimals. Generated only so tests and benchmarks can load such files without running the cleaning
 * step first.
 */
final class NormalizedWriter extends RowWriter {
  private static final String[] PAYMENTS = {"", "card", "cash", "no_charge", "dispute"};

  @Override
  void preamble(ByteSink out) {
    out.ascii(TripFormat.NORMALIZED.header()).crlf();
  }

  @Override
  int truncatedFields() {
    return 7;
  }

  @Override
  void fields(Draft d, ByteSink out) {
    out.ascii("yellow").comma().ascii(d.vendor == 1 ? "CMT" : "VTS").comma();
    isoPickup(d, out);
    out.comma().isoTimestamp(d.dropoffAt).comma();
    out.integer(d.passengers).comma();
    out.decimal(d.distanceHundredths, 2, false, true).comma();
    out.fullPrecision(d.pickupLon);
    garbleIfFaulty(d, out);
    out.comma().fullPrecision(d.pickupLat).comma();
    out.fullPrecision(d.dropoffLon).comma().fullPrecision(d.dropoffLat).comma();
    out.ascii(PAYMENTS[d.payment]).comma();
    out.decimal(d.fareCents, 2, false, true).comma();
    out.decimal(d.totalCents, 2, false, true).comma();
    out.integer(d.rateCode);
  }
}
