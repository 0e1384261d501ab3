package dev.taxiscale.testkit;

import dev.taxiscale.core.geo.Landmark;
import java.time.LocalDateTime;

/**
 * A fixture trip independent of file format; {@link TripLines} renders it as a CSV line.
 *
 * @param fare the metered fare in dollars; the total adds a fixed 1.50 of surcharge and tax
 */
public record FixtureTrip(
    Landmark from, Landmark to, LocalDateTime pickupAt, int minutes, double miles, double fare) {

  /** A 7-minute, 1.2-mile ride downtown on a January evening. */
  public static FixtureTrip pennStationToUnionSquare() {
    return new FixtureTrip(
        Landmark.PENN_STATION,
        Landmark.UNION_SQUARE,
        LocalDateTime.of(2014, 1, 9, 20, 45, 25),
        7,
        1.2,
        6.5);
  }

  /** A 12-minute crosstown ride. */
  public static FixtureTrip timesSquareToGrandCentral() {
    return new FixtureTrip(
        Landmark.TIMES_SQUARE,
        Landmark.GRAND_CENTRAL,
        LocalDateTime.of(2014, 1, 9, 21, 3, 0),
        12,
        0.9,
        8.0);
  }

  /** A 50-minute airport run. */
  public static FixtureTrip jfkToYankeeStadium() {
    return new FixtureTrip(
        Landmark.JFK_TERMINAL_4,
        Landmark.YANKEE_STADIUM,
        LocalDateTime.of(2014, 1, 10, 7, 15, 0),
        50,
        19.8,
        52.0);
  }

  /** A ride whose meter had no GPS fix at pickup. */
  public static FixtureTrip fromNullIsland() {
    return new FixtureTrip(
        Landmark.NULL_ISLAND,
        Landmark.UNION_SQUARE,
        LocalDateTime.of(2014, 1, 9, 22, 0, 0),
        9,
        2.0,
        9.5);
  }

  /** The same ride on another day, e.g. to build many distinct rows. */
  public FixtureTrip plusDays(int days) {
    return new FixtureTrip(from, to, pickupAt.plusDays(days), minutes, miles, fare);
  }

  /** The same ride with a pickup time moved by some seconds. */
  public FixtureTrip plusSeconds(long seconds) {
    return new FixtureTrip(from, to, pickupAt.plusSeconds(seconds), minutes, miles, fare);
  }

  public LocalDateTime dropoffAt() {
    return pickupAt.plusMinutes(minutes);
  }

  public double total() {
    return fare + 1.5;
  }
}
