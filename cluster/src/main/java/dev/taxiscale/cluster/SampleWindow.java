package dev.taxiscale.cluster;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The day the local cluster's sample trips are picked up on, so that queries can find them. */
public final class SampleWindow {
  /** A weekday of the Yellow 2014 layout. */
  public static final LocalDate DAY = LocalDate.of(2014, 1, 15);

  private SampleWindow() {}

  public static LocalDateTime start() {
    return DAY.atStartOfDay();
  }

  public static LocalDateTime end() {
    return DAY.plusDays(1).atStartOfDay();
  }
}
