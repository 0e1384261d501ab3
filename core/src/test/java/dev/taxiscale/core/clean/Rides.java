package dev.taxiscale.core.clean;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;

/**
 * Trips for the rule tests, built from a clean ride that each test changes in one respect. The
 * places are {@link Landmark}s (some of them places a taxi cannot be), and the North Pole.
 */
final class Rides {
  /** Not a place any meter can be: latitude 90 is the pole, whatever the longitude. */
  static final Landmark THE_NORTH_POLE = new Landmark("The North Pole", -73.98, 90);

  static final LocalDateTime MORNING = LocalDateTime.of(2014, 4, 8, 9, 0, 0);

  private Source source = Source.YELLOW;
  private Landmark from = Landmark.PENN_STATION;
  private Landmark to = Landmark.GRAND_CENTRAL;
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
  static Trip uberPickupAt(Landmark place) {
    return new Rides().from(place).withoutDropoff().build();
  }

  Rides from(Landmark place) {
    from = place;
    return this;
  }

  Rides to(Landmark place) {
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
    to = new Landmark("nowhere", Double.NaN, Double.NaN);
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
        from.lon(),
        from.lat(),
        to.lon(),
        to.lat(),
        passengers,
        miles,
        fare,
        total,
        "card",
        1);
  }
}
