package dev.taxiscale.core.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When trips start: an hour-of-day and day-of-week demand curve over the date range. Row {@code i}
 * of {@code n} gets the pickup time at quantile {@code (i + u) / n} of that curve, so pickup times
 * rise through the file (as in the published files) and follow the curve exactly.
 */
final class Demand {
  /** Weekday pickups per hour, relative: a trough at 5 am, commute peaks, a long evening. */
  private static final double[] WEEKDAY_HOURS = {
    5, 3, 2, 1.5, 1.2, 1.5, 4, 7, 8.5, 8, 7, 7, 7.5, 7.5, 8, 8, 7, 8.5, 10, 10.5, 9.5, 9, 8.5, 7
  };

  /** Weekend pickups per hour: late nights busy, mornings quiet. */
  private static final double[] WEEKEND_HOURS = {
    9, 8, 7, 5.5, 4, 2, 1.5, 2, 3, 4.5, 6, 7, 7.5, 7.5, 7.5, 7.5, 7.5, 8, 8.5, 8.5, 8, 8, 8.5, 9
  };

  /** Monday to Sunday: Thursday to Saturday nights are the busiest. */
  private static final double[] DAY_FACTORS = {0.92, 0.97, 1.0, 1.06, 1.1, 1.05, 0.9};

  private final long startSecond;
  private final double[] cumulative;
  private final double total;
  private int hour;

  Demand(LocalDate start, int days) {
    this.startSecond = start.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    this.cumulative = new double[days * 24];
    double sum = 0;
    for (int day = 0; day < days; day++) {
      DayOfWeek dayOfWeek = start.plusDays(day).getDayOfWeek();
      boolean weekend = dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
      double[] hours = weekend ? WEEKEND_HOURS : WEEKDAY_HOURS;
      for (int h = 0; h < 24; h++) {
        sum += hours[h] * DAY_FACTORS[dayOfWeek.getValue() - 1];
        cumulative[day * 24 + h] = sum;
      }
    }
    this.total = sum;
  }

  /**
   * The pickup time, in local epoch seconds, at a quantile in [0, 1). Quantiles must not decrease
   * between calls: the hour is found by walking forward from the previous one.
   */
  long pickupAt(double quantile) {
    double target = quantile * total;
    while (hour < cumulative.length - 1 && cumulative[hour] <= target) {
      hour++;
    }
    double hourStart = hour == 0 ? 0 : cumulative[hour - 1];
    double withinHour = (target - hourStart) / (cumulative[hour] - hourStart);
    long second = (long) (Math.min(Math.max(withinHour, 0), 0.9999) * 3600);
    return startSecond + hour * 3600L + second;
  }

  /** The local hour of day of an epoch second. */
  static int hourOfDay(long epochSecond) {
    return (int) (Math.floorMod(epochSecond, 86_400L) / 3600);
  }

  /** Monday is 1, Sunday 7, as in {@link DayOfWeek}. */
  static int dayOfWeek(long epochSecond) {
    // 1970-01-01 was a Thursday.
    return (int) (Math.floorMod(Math.floorDiv(epochSecond, 86_400L) + 3, 7) + 1);
  }
}
