package dev.taxiscale.core.clean;

import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;

/**
 * Trips for the rule tests, built from a clean ride that each test changes in one respect. The
 * places are real NYC landmarks (and a few places a taxi cannot be).
 */
final class Rides {
  static final double[] PENN_STATION = {-73.9935, 40.7506};
  static final double[] GRAND_CENTRAL = {-73.9772, 40.7527};
  static final double[] JFK = {-73.7781, 40.6413};
  static final double[] MIDTOWN = {-73.9855, 40.7580};
  static final double[] NULL_ISLAND = {0, 0};
  static final double[] THE_NORTH_POLE = {-73.98, 90};
  static final double[] PHILADELPHIA = {-75.1636, 39.9526};

  static final LocalDateTime MORNING = LocalDateTime.of(2014, 4, 8, 9, 0, 0);

  private Source source = Source.YELLOW;
  private double[] from = PENN_STATION;
  private double[] to = GRAND_CENTRAL;
  private LocalDateTime pickupAt = MORNING;
  private LocalDateTime dropoffAt = MORNING.plusMinutes(12);
  private Integer passengers = 1;
  private double miles = 1.2;
  private double fare = 9.0;
  private double total = 10.0;

  /** Penn Station to Grand Central, 1.2 miles in 12 minutes for $9: passes every rule. */
  static Rides fromPennStationToGrandCentral() {
    return new Rides();
  }

  /** An Uber pickup: no drop-off, distance, fare or passenger count. */
  static Trip uberPickupAt(double[] place) {
    return new Rides().from(place).withoutDropoff().build();
  }

  Rides from(double[] place) {
    from = place;
    return this;
  }

  Rides to(double[] place) {
    to = place;
    return this;
  }

  Rides droppedOffAfter(long seconds) {
    dropoffAt = pickupAt.plusSeconds(seconds);
    return this;
  }

  Rides miles(double value) {
    miles = value;
    return this;
  }

  Rides fare(double value, double totalValue) {
    fare = value;
    total = totalValue;
    return this;
  }

  Rides passengers(Integer count) {
    passengers = count;
    return this;
  }

  Rides withoutDropoff() {
    source = Source.FHV;
    to = new double[] {Double.NaN, Double.NaN};
    dropoffAt = null;
    passengers = null;
    miles = Double.NaN;
    fare = Double.NaN;
    total = Double.NaN;
    return this;
  }

  Trip build() {
    return new Trip(
        1,
        1,
        source,
        "CMT",
        pickupAt,
        dropoffAt,
        from[0],
        from[1],
        to[0],
        to[1],
        passengers,
        miles,
        fare,
        total,
        "card",
        1);
  }
}
