package dev.taxiscale.core.generate;

import dev.taxiscale.core.clean.Reason;

/**
 * The values of one generated row before formatting. Mutable and reused for every row, because a
 * record per row would be most of the generator's allocation at a million rows a second.
 */
final class Draft {
  /** Local wall-clock times as epoch seconds, as if NYC were at UTC. */
  long pickupAt;

  long dropoffAt;
  double pickupLon;
  double pickupLat;
  double dropoffLon;
  double dropoffLat;
  int passengers;
  long distanceHundredths;

  /** 1 for CMT, 2 for VTS (VeriFone), as the later formats number them. */
  int vendor;

  /** Index into the Uber base codes. */
  int base;

  int rateCode;

  /** TLC payment type: 1 card, 2 cash, 3 no charge, 4 dispute. */
  int payment;

  boolean storedAndForwarded;
  long fareCents;
  long extraCents;
  long mtaTaxCents;
  long tipCents;
  long tollsCents;
  long improvementCents;
  long totalCents;

  /** The rule this row is made to break, or null for a clean row. */
  Reason fault;

  void sumTotal() {
    totalCents = fareCents + extraCents + mtaTaxCents + tipCents + tollsCents + improvementCents;
  }
}
