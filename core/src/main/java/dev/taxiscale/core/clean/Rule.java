package dev.taxiscale.core.clean;

import dev.taxiscale.core.trip.Trip;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One named cleaning rule: a trip that {@code violates} it is rejected with {@code reason}.
 *
 * @param describe says what was wrong with a violating trip, for the rejects report
 */
public record Rule(Reason reason, Predicate<Trip> violates, Function<Trip, String> describe) {

  public Rule {
    if (reason == null || violates == null || describe == null) {
      throw new IllegalArgumentException("a rule needs a reason, a predicate and a description");
    }
  }

  /** The rejection for a trip, or null when the trip passes this rule. */
  Outcome.Rejected check(Trip trip) {
    return violates.test(trip) ? new Outcome.Rejected(reason, describe.apply(trip)) : null;
  }
}
