package dev.taxiscale.core.query;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Checks taxi zone ids in requests: the TLC's {@code LocationID}s, stored as {@code smallint}. */
final class ZoneIds {
  static final int MIN = 1;
  static final int MAX = Short.MAX_VALUE;

  /**
   * Zones where many trips start and end (midtown and lower Manhattan, the Upper East and West
   * Sides, the two airports): where typical requests of the benchmarks ask.
   */
  private static final int[] BUSY = {
    48, 68, 79, 87, 132, 138, 161, 162, 170, 186, 230, 234, 236, 237, 239
  };

  private ZoneIds() {}

  /** One of the busy zones, picked by a fraction in [0, 1). */
  static int busy(double fraction) {
    return BUSY[(int) (fraction * BUSY.length)];
  }

  /** An optional zone id: null stays null, anything else must be a possible id. */
  static Integer optional(String field, Integer zone) {
    return zone == null ? null : Check.range(field, zone, MIN, MAX);
  }

  static int required(String field, Integer zone) {
    return Check.range(field, Check.required(field, zone), MIN, MAX);
  }

  /** Zone ids as an immutable sorted set; absent or empty means every zone. */
  static Set<Integer> set(String field, Collection<Integer> zones, int max) {
    if (zones == null || zones.isEmpty()) {
      return Set.of();
    }
    if (zones.size() > max) {
      throw new ValidationException(field, "at most " + max + " zones, got " + zones.size());
    }
    Set<Integer> sorted = new TreeSet<>();
    for (Integer zone : zones) {
      if (zone == null) {
        throw new ValidationException(field, "must not contain null");
      }
      sorted.add(Check.range(field, zone, MIN, MAX));
    }
    return Collections.unmodifiableSet(sorted);
  }
}
