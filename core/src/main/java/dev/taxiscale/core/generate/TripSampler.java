package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.geo.ServiceArea;
import java.util.List;

/** Draws plausible trips: every draft it makes passes all cleaning rules. */
final class TripSampler {
  private static final double METERS_PER_MILE = 1609.344;

  // The same equirectangular projection as geo.Projection, but from StrictMath: Math.cos and
  // Math.sin may differ in the last bit between JDKs, and a seed must mean the same bytes.
  private static final double METERS_PER_DEGREE_LAT =
      StrictMath.toRadians(1) * Projection.EARTH_RADIUS_M;
  private static final double METERS_PER_DEGREE_LON =
      METERS_PER_DEGREE_LAT * StrictMath.cos(StrictMath.toRadians(Projection.ORIGIN_LAT));

  /** Streets are not straight lines: road distance over crow-flies distance in NYC. */
  private static final double DETOUR = 1.3;

  /** The 2014-2016 flat fare between JFK and Manhattan, in cents. */
  private static final long JFK_FLAT_FARE = 5200;

  private static final long AIRPORT_TOLL = 533;

  private static final double[] PASSENGERS = Rng.cumulative(0, 70, 14, 4, 2, 6, 4);
  private static final double[] PAYMENTS = Rng.cumulative(0, 55, 43, 1, 1);

  /** Shares of the five Uber bases of 2014, as in {@link UberWriter#BASES}. */
  private static final double[] BASES = Rng.cumulative(5, 25, 30, 30, 10);

  private final TripFormat format;
  private final Rng rng;
  private final List<Hotspot> pickups;
  private final double[] pickupWeights;
  private final double[] cityWeights = Hotspot.cumulativeWeights(Hotspot.CITY);

  TripSampler(TripFormat format, Rng rng) {
    this.format = format;
    this.rng = rng;
    this.pickups = format == TripFormat.GREEN_2014 ? Hotspot.BOROUGHS : Hotspot.CITY;
    this.pickupWeights = Hotspot.cumulativeWeights(pickups);
  }

  void sample(long pickupAt, Draft d) {
    d.fault = null;
    d.pickupAt = pickupAt;
    Hotspot from = pickups.get(rng.pick(pickupWeights));
    placePickup(d, from);
    if (format == TripFormat.UBER_2014) {
      d.base = rng.pick(BASES);
      return;
    }
    Hotspot to = placeDropoff(d, from);
    double miles = roadMiles(d);
    d.distanceHundredths = Math.max(10, Math.round(miles * 100));
    d.dropoffAt = pickupAt + durationSeconds(miles, pickupAt);
    d.passengers = rng.pick(PASSENGERS);
    d.vendor = 1 + rng.nextInt(2);
    d.storedAndForwarded = rng.chance(0.005);
    d.payment = rng.pick(PAYMENTS);
    price(d, from, to);
  }

  private void placePickup(Draft d, Hotspot spot) {
    double[] point = near(spot.lon(), spot.lat(), spot.sigmaMeters());
    d.pickupLon = point[0];
    d.pickupLat = point[1];
  }

  /** Returns the destination hotspot, or null for a short local trip. */
  private Hotspot placeDropoff(Draft d, Hotspot from) {
    double draw = rng.nextDouble();
    Hotspot to = null;
    double[] point;
    if (draw < 0.2) {
      point = near(d.pickupLon, d.pickupLat, 1500);
    } else {
      to =
          format == TripFormat.GREEN_2014 && draw < 0.65
              ? pickups.get(rng.pick(pickupWeights))
              : Hotspot.CITY.get(rng.pick(cityWeights));
      point = near(to.lon(), to.lat(), to.sigmaMeters());
    }
    d.dropoffLon = point[0];
    d.dropoffLat = point[1];
    return to;
  }

  /** A Gaussian draw around a point, redrawn until it lies in the service area. */
  private double[] near(double lon, double lat, double sigmaMeters) {
    for (int attempt = 0; attempt < 10; attempt++) {
      double drawnLon = lon + rng.gaussian() * sigmaMeters / METERS_PER_DEGREE_LON;
      double drawnLat = lat + rng.gaussian() * sigmaMeters / METERS_PER_DEGREE_LAT;
      if (ServiceArea.contains(drawnLon, drawnLat)) {
        return new double[] {drawnLon, drawnLat};
      }
    }
    return new double[] {lon, lat};
  }

  private double roadMiles(Draft d) {
    double dx = (d.dropoffLon - d.pickupLon) * METERS_PER_DEGREE_LON;
    double dy = (d.dropoffLat - d.pickupLat) * METERS_PER_DEGREE_LAT;
    double meters = Math.sqrt(dx * dx + dy * dy); // sqrt is exactly rounded on every JDK
    double detour = DETOUR * clamp(1 + 0.1 * rng.gaussian(), 0.8, 1.5);
    return Math.max(0.1, meters * detour / METERS_PER_MILE);
  }

  /**
   * Travel time at an hour-dependent average speed (at most ~50 mph even for a fast highway run)
   * plus a minute to get in and out, capped at 3 hours.
   */
  private long durationSeconds(double miles, long pickupAt) {
    double mph = typicalMph(pickupAt) * clamp(StrictMath.exp(0.25 * rng.gaussian()), 0.6, 1.6);
    if (miles > 8) {
      mph *= 1.7; // long trips use the expressways
    }
    long seconds = Math.round(miles / mph * 3600) + 60;
    return Math.min(seconds, 3 * 3600);
  }

  private static double typicalMph(long epochSecond) {
    int hour = Demand.hourOfDay(epochSecond);
    boolean weekday = Demand.dayOfWeek(epochSecond) <= 5;
    if (hour < 6) {
      return 18;
    }
    if (weekday && ((hour >= 7 && hour <= 9) || (hour >= 16 && hour <= 19))) {
      return 8.5;
    }
    return 11.5;
  }

  /** Meter fare: $2.50 plus $2.50 a mile plus ~$0.25 a minute in traffic, in 50-cent steps. */
  private void price(Draft d, Hotspot from, Hotspot to) {
    double miles = d.distanceHundredths / 100.0;
    double minutes = (d.dropoffAt - d.pickupAt) / 60.0;
    boolean jfkFlat = isJfkManhattan(from, to);
    d.rateCode = jfkFlat ? 2 : 1;
    d.fareCents =
        jfkFlat ? JFK_FLAT_FARE : 50 * Math.round((2.5 + 2.5 * miles + 0.25 * minutes) * 2);
    d.extraCents = surcharge(d.pickupAt);
    d.mtaTaxCents = 50;
    d.improvementCents = format == TripFormat.YELLOW_2015 ? 30 : 0;
    boolean airport = isAirport(from) || isAirport(to);
    d.tollsCents = airport && rng.chance(0.35) ? AIRPORT_TOLL : 0;
    d.tipCents = d.payment == 1 ? Math.round(d.fareCents * (0.1 + 0.15 * rng.nextDouble())) : 0;
    d.sumTotal();
  }

  /** 50 cents overnight, a dollar in the weekday evening peak. */
  private static long surcharge(long epochSecond) {
    int hour = Demand.hourOfDay(epochSecond);
    if (hour >= 20 || hour < 6) {
      return 50;
    }
    return Demand.dayOfWeek(epochSecond) <= 5 && hour >= 16 ? 100 : 0;
  }

  private static boolean isJfkManhattan(Hotspot from, Hotspot to) {
    return to != null
        && ((from == Hotspot.JFK && to.manhattan()) || (to == Hotspot.JFK && from.manhattan()));
  }

  private static boolean isAirport(Hotspot spot) {
    return spot == Hotspot.JFK || spot == Hotspot.LAGUARDIA;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
