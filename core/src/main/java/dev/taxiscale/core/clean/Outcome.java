package dev.taxiscale.core.clean;

import dev.taxiscale.core.trip.Trip;
import java.io.Serializable;

/** What became of one raw row: kept as a trip, or rejected with exactly one reason. */
public sealed interface Outcome extends Serializable {

  /** A row that passed parsing and every cleaning rule. */
  record Kept(Trip trip) implements Outcome {}

  /**
   * A row that failed.
   *
   * @param detail a short human-readable explanation, e.g. which field and value
   */
  record Rejected(Reason reason, String detail) implements Outcome {}
}
