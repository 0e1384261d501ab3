package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;
import java.time.LocalDate;

/**
 * Yellow 2015-2016: CRLF throughout, numeric codes, single-precision coordinates, and the rate code
 * column spelled {@code RateCodeID} until June 2015 and {@code RatecodeID} after.
 */
final class Yellow2015Writer extends RowWriter {
  private static final LocalDate RENAMED_RATE_CODE = LocalDate.of(2015, 7, 1);

  private final String header;

  Yellow2015Writer(LocalDate startDate) {
    String original = TripFormat.YELLOW_2015.header();
    this.header =
        startDate.isBefore(RENAMED_RATE_CODE)
            ? original
            : original.replace("RateCodeID", "RatecodeID");
  }

  @Override
  void preamble(ByteSink out) {
    out.ascii(header).crlf();
  }

  @Override
  int truncatedFields() {
    return 11;
  }

  @Override
  void fields(Draft d, ByteSink out) {
    out.integer(d.vendor).comma();
    isoPickup(d, out);
    out.comma().isoTimestamp(d.dropoffAt).comma();
    out.integer(d.passengers).comma();
    // CMT meters print ".50" and "3.30", VeriFone ones "1.10"
    out.decimal(d.distanceHundredths, 2, true, d.vendor == 2).comma();
    out.fullPrecision((float) d.pickupLon);
    garbleIfFaulty(d, out);
    out.comma().fullPrecision((float) d.pickupLat).comma();
    out.integer(d.rateCode).comma().ascii(d.storedAndForwarded ? "Y" : "N").comma();
    out.fullPrecision((float) d.dropoffLon).comma().fullPrecision((float) d.dropoffLat).comma();
    out.integer(d.payment).comma();
    out.decimal(d.fareCents, 2, false, true).comma();
    out.decimal(d.extraCents, 2, false, true).comma();
    out.decimal(d.mtaTaxCents, 2, false, true).comma();
    out.decimal(d.tipCents, 2, false, true).comma();
    out.decimal(d.tollsCents, 2, false, true).comma();
    out.decimal(d.improvementCents, 2, false, true).comma();
    out.decimal(d.totalCents, 2, false, true);
  }
}
