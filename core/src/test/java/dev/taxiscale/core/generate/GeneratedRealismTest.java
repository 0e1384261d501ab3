package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.trip.Trip;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clean generated trips look like NYC taxi trips. */
class GeneratedRealismTest {
  private static final LocalDate START = LocalDate.of(2014, 4, 1);
  private static List<Trip> trips;

  @BeforeAll
  static void generate() {
    GeneratorConfig config =
        GeneratorConfig.of(TripFormat.YELLOW_2014, 20_000).withDirtyShare(0).withDates(START, 14);
    trips = Generated.parse(config).kept();
  }

  private static long count(java.util.function.Predicate<Trip> which) {
    return trips.stream().filter(which).count();
  }

  @Test
  void pickupsFallWithinTheConfiguredDays() {
    assertThat(trips)
        .allSatisfy(
            t ->
                assertThat(t.pickupAt())
                    .isAfterOrEqualTo(START.atStartOfDay())
                    .isBefore(START.plusDays(14).atStartOfDay()));
  }

  @Test
  void pickupTimesRiseThroughTheFileLikeThePublishedOnes() {
    Trip first = trips.get(0);
    Trip last = trips.get(trips.size() - 1);

    assertThat(first.pickupAt().toLocalDate()).isEqualTo(START);
    assertThat(last.pickupAt().toLocalDate()).isEqualTo(START.plusDays(13));
  }

  @Test
  void eveningsAreBusierThanTheSmallHours() {
    long sevenPm = count(t -> t.pickupAt().getHour() == 19);
    long fiveAm = count(t -> t.pickupAt().getHour() == 5);

    assertThat(sevenPm).isGreaterThan(3 * fiveAm);
  }

  @Test
  void weekendMorningsAreQuieterThanWeekdayMornings() {
    long weekdayNine = count(t -> t.pickupAt().getHour() == 9 && !isWeekend(t));
    long weekendNine = count(t -> t.pickupAt().getHour() == 9 && isWeekend(t));

    // 10 weekdays and 4 weekend days in the range: compare per day
    assertThat(weekdayNine / 10.0).isGreaterThan(1.5 * weekendNine / 4.0);
  }

  @Test
  void mostPickupsAreInManhattan() {
    long manhattan =
        count(t -> t.pickupLon() < -73.93 && t.pickupLat() > 40.70 && t.pickupLat() < 40.80);

    assertThat(manhattan).isGreaterThan(trips.size() * 7 / 10);
  }

  @Test
  void someTripsStartAtJfk() {
    long atJfk =
        count(
            t ->
                Math.abs(t.pickupLon() + 73.7781) < 0.02
                    && Math.abs(t.pickupLat() - 40.6413) < 0.02);

    assertThat(atJfk).isBetween(trips.size() / 100L, trips.size() / 10L);
  }

  @Test
  void faresFollowTheMeter() {
    Trip longest =
        trips.stream()
            .filter(t -> t.rateCode() == 1)
            .max(Comparator.comparingDouble(Trip::distanceMiles))
            .orElseThrow();

    assertThat(longest.fare()).isGreaterThan(2.5 + 2.5 * longest.distanceMiles());
  }

  @Test
  void theMedianTripIsAFewMilesAndUnderHalfAnHour() {
    double[] miles = trips.stream().mapToDouble(Trip::distanceMiles).sorted().toArray();
    long[] minutes =
        trips.stream()
            .mapToLong(t -> java.time.Duration.between(t.pickupAt(), t.dropoffAt()).toMinutes())
            .sorted()
            .toArray();

    assertThat(miles[miles.length / 2]).isBetween(1.0, 4.0);
    assertThat(minutes[minutes.length / 2]).isBetween(5L, 30L);
  }

  private static boolean isWeekend(Trip t) {
    DayOfWeek day = t.pickupAt().getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
