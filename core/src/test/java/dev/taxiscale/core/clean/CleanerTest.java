package dev.taxiscale.core.clean;

import static dev.taxiscale.core.clean.Rides.*;
import static dev.taxiscale.core.geo.Landmark.JFK;
import static dev.taxiscale.core.geo.Landmark.NULL_ISLAND;
import static dev.taxiscale.core.geo.Landmark.PHILADELPHIA;
import static dev.taxiscale.core.geo.Landmark.TIMES_SQUARE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.trip.Trip;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CleanerTest {

  private static Reason reasonFor(Trip trip) {
    Outcome outcome = Cleaner.clean(trip);
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).reason();
  }

  @Test
  void shouldKeepARideFromPennStationToGrandCentral() {
    Trip ride = fromPennStationToGrandCentral().build();

    assertThat(Cleaner.clean(ride)).isEqualTo(new Outcome.Kept(ride));
  }

  @Test
  void shouldKeepAnUberPickupWithoutDropoffFareOrPassengers() {
    Trip pickup = uberPickupAt(TIMES_SQUARE);

    assertThat(Cleaner.clean(pickup)).isInstanceOf(Outcome.Kept.class);
  }

  @Test
  void shouldRejectAPickupAtNullIsland() {
    assertThat(reasonFor(fromPennStationToGrandCentral().from(NULL_ISLAND).build()))
        .isEqualTo(Reason.ZERO_COORDINATES);
  }

  @Test
  void shouldRejectADropoffAtNullIsland() {
    assertThat(reasonFor(fromPennStationToGrandCentral().to(NULL_ISLAND).build()))
        .isEqualTo(Reason.ZERO_COORDINATES);
  }

  @Test
  void shouldRejectATripFromThePole() {
    assertThat(reasonFor(fromPennStationToGrandCentral().from(THE_NORTH_POLE).build()))
        .isEqualTo(Reason.OUTSIDE_SERVICE_AREA);
  }

  @Test
  void shouldRejectADropoffInPhiladelphia() {
    assertThat(reasonFor(fromPennStationToGrandCentral().to(PHILADELPHIA).build()))
        .isEqualTo(Reason.OUTSIDE_SERVICE_AREA);
  }

  @Test
  void shouldRejectAnUberPickupInPhiladelphia() {
    assertThat(reasonFor(uberPickupAt(PHILADELPHIA))).isEqualTo(Reason.OUTSIDE_SERVICE_AREA);
  }

  @Test
  void shouldRejectARideThatEndsBeforeItStarts() {
    assertThat(reasonFor(fromPennStationToGrandCentral().droppedOffAfter(-300).build()))
        .isEqualTo(Reason.DROPOFF_BEFORE_PICKUP);
  }

  @Test
  void shouldRejectATenSecondRide() {
    assertThat(reasonFor(fromPennStationToGrandCentral().droppedOffAfter(10).build()))
        .isEqualTo(Reason.IMPLAUSIBLE_DURATION);
  }

  @Test
  void shouldRejectAMeterLeftRunningOvernight() {
    assertThat(reasonFor(fromPennStationToGrandCentral().droppedOffAfter(9 * 3600).build()))
        .isEqualTo(Reason.IMPLAUSIBLE_DURATION);
  }

  @Test
  void shouldKeepARideOfExactlyThirtySeconds() {
    Trip ride = fromPennStationToGrandCentral().droppedOffAfter(30).miles(0.1).build();

    assertThat(Cleaner.clean(ride)).isInstanceOf(Outcome.Kept.class);
  }

  @Test
  void shouldRejectAnOdometerGlitchOfFiveHundredMiles() {
    assertThat(reasonFor(fromPennStationToGrandCentral().miles(500).build()))
        .isEqualTo(Reason.IMPLAUSIBLE_DISTANCE);
  }

  @Test
  void shouldRejectANegativeDistance() {
    assertThat(reasonFor(fromPennStationToGrandCentral().miles(-1.2).build()))
        .isEqualTo(Reason.IMPLAUSIBLE_DISTANCE);
  }

  @Test
  void shouldRejectJfkToMidtownInThreeMinutes() {
    Trip ride =
        fromPennStationToGrandCentral()
            .from(JFK)
            .to(TIMES_SQUARE)
            .miles(17)
            .droppedOffAfter(180)
            .build();

    assertThat(reasonFor(ride)).isEqualTo(Reason.IMPLAUSIBLE_SPEED);
  }

  @Test
  void shouldRejectARefundedFare() {
    assertThat(reasonFor(fromPennStationToGrandCentral().fare(-9, -10).build()))
        .isEqualTo(Reason.NEGATIVE_AMOUNT);
  }

  @Test
  void shouldRejectANegativeTotal() {
    assertThat(reasonFor(fromPennStationToGrandCentral().fare(9, -10).build()))
        .isEqualTo(Reason.NEGATIVE_AMOUNT);
  }

  @Test
  void shouldRejectARideWithNoPassengers() {
    assertThat(reasonFor(fromPennStationToGrandCentral().passengers(0).build()))
        .isEqualTo(Reason.PASSENGER_COUNT_OUT_OF_RANGE);
  }

  @Test
  void shouldRejectARideWithTenPassengers() {
    assertThat(reasonFor(fromPennStationToGrandCentral().passengers(10).build()))
        .isEqualTo(Reason.PASSENGER_COUNT_OUT_OF_RANGE);
  }

  @Test
  void shouldKeepARideWithoutAPassengerCount() {
    Trip ride = fromPennStationToGrandCentral().passengers(null).build();

    assertThat(Cleaner.clean(ride)).isInstanceOf(Outcome.Kept.class);
  }

  @Test
  void shouldReportOnlyTheFirstRuleARideBreaks() {
    Trip ride =
        fromPennStationToGrandCentral().from(NULL_ISLAND).fare(-9, -10).passengers(0).build();

    assertThat(reasonFor(ride)).isEqualTo(Reason.ZERO_COORDINATES);
  }

  @Test
  void shouldSayWhatWasWrongInTheDetail() {
    Outcome outcome = Cleaner.clean(fromPennStationToGrandCentral().passengers(0).build());

    assertThat(((Outcome.Rejected) outcome).detail()).contains("passenger count 0");
  }

  @Test
  void shouldCheckTheRulesInTheDocumentedOrder() {
    assertThat(Cleaner.RULES)
        .extracting(Rule::reason)
        .containsExactly(
            Reason.ZERO_COORDINATES,
            Reason.OUTSIDE_SERVICE_AREA,
            Reason.DROPOFF_BEFORE_PICKUP,
            Reason.IMPLAUSIBLE_DURATION,
            Reason.IMPLAUSIBLE_DISTANCE,
            Reason.IMPLAUSIBLE_SPEED,
            Reason.NEGATIVE_AMOUNT,
            Reason.PASSENGER_COUNT_OUT_OF_RANGE);
  }

  @Test
  void shouldLeaveOnlyParsingReasonsToTheParser() {
    Set<Reason> byRules = EnumSet.noneOf(Reason.class);
    Cleaner.RULES.forEach(rule -> byRules.add(rule.reason()));

    assertThat(EnumSet.complementOf(EnumSet.copyOf(byRules)))
        .containsExactlyInAnyOrder(
            Reason.TRUNCATED_ROW,
            Reason.UNPARSEABLE_TIMESTAMP,
            Reason.UNPARSEABLE_NUMBER,
            Reason.UNPARSEABLE_FLAG,
            // a line too long to read is refused before it is parsed
            Reason.OVERLONG_LINE,
            // decided with the file's zones and month, which a rule on the trip alone cannot see
            Reason.UNKNOWN_ZONE,
            Reason.ZONE_WITHOUT_SHAPE,
            Reason.PICKUP_OUTSIDE_FILE_MONTH);
  }
}
