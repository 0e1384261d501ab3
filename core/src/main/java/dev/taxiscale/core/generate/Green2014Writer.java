package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;

/**
 * Green 2014: a header ending in {@code "Trip_type "}, two blank lines (LF then CRLF), 22 fields
 * for 20 columns, single-precision coordinates and distances like {@code .65}.
 */
final class Green2014Writer extends RowWriter {

  @Override
  void preamble(ByteSink out) {
    out.ascii(TripFormat.GREEN_2014.header()).ch('\n').ch('\n').crlf();
  }

  @Override
  int truncatedFields() {
    return 7;
  }

  @Override
  void fields(Draft d, ByteSink out) {
    out.integer(d.vendor).comma();
    isoPickup(d, out);
    out.comma().isoTimestamp(d.dropoffAt).comma();
    out.ascii(d.storedAndForwarded ? "Y" : "N").comma().integer(d.rateCode).comma();
    out.fullPrecision((float) d.pickupLon);
    garbleIfFaulty(d, out);
    out.comma().fullPrecision((float) d.pickupLat).comma();
    out.fullPrecision((float) d.dropoffLon).comma().fullPrecision((float) d.dropoffLat).comma();
    out.integer(d.passengers).comma();
    out.decimal(d.distanceHundredths, 2, false, false).comma();
    out.decimal(d.fareCents, 2, false, true).comma();
    out.decimal(d.extraCents, 2, false, true).comma();
    out.decimal(d.mtaTaxCents, 2, false, true).comma();
    out.decimal(d.tipCents, 2, false, true).comma();
    out.decimal(d.tollsCents, 2, false, true).comma();
    out.comma(); // Ehail_fee, always empty
    out.decimal(d.totalCents, 2, false, true).comma();
    out.integer(d.payment).comma();
    // Trip_type empty, then the two fields no column names
    out.comma().comma();
  }
}
