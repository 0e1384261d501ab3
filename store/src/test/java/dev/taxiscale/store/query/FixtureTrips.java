package dev.taxiscale.store.query;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A few thousand deterministic trips between five Manhattan places and JFK over a Wednesday to a
 * Saturday in January 2015: yellow, green and FHV (no drop-off or fare), 1-6 passengers.
 */
final class FixtureTrips {

  static final int FILE_ID = 1;
  static final LocalDateTime FIRST_PICKUP = LocalDateTime.of(2015, 1, 14, 0, 0);
  static final int DAYS = 4;

  static final List<Landmark> PLACES =
      List.of(
          Landmark.PENN_STATION,
          Landmark.GRAND_CENTRAL,
          Landmark.TIMES_SQUARE,
          Landmark.UNION_SQUARE,
          Landmark.WALL_STREET,
          Landmark.JFK);

  private FixtureTrips() {}

  static List<Trip> generate(long seed, int count) {
    Random random = new Random(seed);
    List<Trip> trips = new ArrayList<>(count);
    for (int line = 1; line <= count; line++) {
      trips.add(trip(random, line));
    }
    return trips;
  }

  private static Trip trip(Random random, int line) {
    Landmark from = PLACES.get(random.nextInt(PLACES.size()));
    Landmark to = PLACES.get(random.nextInt(PLACES.size()));
    double pickupX = Projection.x(from.lon()) + random.nextGaussian() * 400;
    double pickupY = Projection.y(from.lat()) + random.nextGaussian() * 400;
    double dropoffX = Projection.x(to.lon()) + random.nextGaussian() * 400;
    double dropoffY = Projection.y(to.lat()) + random.nextGaussian() * 400;
    LocalDateTime pickupAt = FIRST_PICKUP.plusSeconds(random.nextInt(DAYS * 24 * 3600));
    double draw = random.nextDouble();
    Source source = draw < 0.7 ? Source.YELLOW : draw < 0.9 ? Source.GREEN : Source.FHV;
    int passengers = 1 + random.nextInt(6);
    double meters = Math.hypot(dropoffX - pickupX, dropoffY - pickupY) * 1.3;
    double miles = Math.round(meters / 1609.344 * 100) / 100.0;
    long seconds = 120 + Math.round(meters / (3 + random.nextDouble() * 5));
    double fare = Math.round((2.5 + miles * 2.5 + random.nextInt(4)) * 2) / 2.0;
    if (source == Source.FHV) {
      return new Trip(
          Trip.idOf(FILE_ID, line),
          FILE_ID,
          source,
          "B02512",
          pickupAt,
          null,
          Projection.lon(pickupX),
          Projection.lat(pickupY),
          Double.NaN,
          Double.NaN,
          null,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          null,
          null);
    }
    return new Trip(
        Trip.idOf(FILE_ID, line),
        FILE_ID,
        source,
        "VTS",
        pickupAt,
        pickupAt.plusSeconds(seconds),
        Projection.lon(pickupX),
        Projection.lat(pickupY),
        Projection.lon(dropoffX),
        Projection.lat(dropoffY),
        passengers,
        miles,
        fare,
        fare + 1,
        "card",
        1);
  }
}
