package dev.taxiscale.bench.firstminutes;

import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.pipeline.ride.RideRequest;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded random clicks in Manhattan below Central Park (lon -74.01 to -73.96, lat 40.71 to 40.78),
 * at a fixed time such as 18:00 on a weekday of the sample month: what a new user clicks.
 */
public final class ManhattanClicks {
  static final double WEST = -74.01;
  static final double EAST = -73.96;
  static final double SOUTH = 40.71;
  static final double NORTH = 40.78;

  private final Random random;
  private final LocalDateTime time;

  public ManhattanClicks(long seed, LocalDateTime time) {
    this.random = new Random(seed);
    this.time = time;
  }

  /** A ride from one click to another, as a record for probes that split it into its parts. */
  RideRequest ride() {
    GeoPoint pickup = new GeoPoint(lon(), lat());
    return new RideRequest(pickup, new RideRequest.Position(lon(), lat()), time);
  }

  /** A fare request between two clicks, radius left to the server. */
  byte[] fare() {
    return json("{\"from\":%s,\"to\":%s,\"time\":\"%s\"}", point(), point(), time);
  }

  /** A ride request from one click to another. */
  byte[] rideRequest() {
    return json("{\"pickup\":%s,\"destination\":%s,\"time\":\"%s\"}", point(), point(), time);
  }

  /** The three cabs nearest one click. */
  public byte[] nearby() {
    return json("{\"point\":%s,\"time\":\"%s\",\"k\":3}", point(), time);
  }

  private String point() {
    double lon = lon();
    double lat = lat();
    return String.format(Locale.ROOT, "{\"lon\":%.6f,\"lat\":%.6f}", lon, lat);
  }

  private double lon() {
    return WEST + random.nextDouble() * (EAST - WEST);
  }

  private double lat() {
    return SOUTH + random.nextDouble() * (NORTH - SOUTH);
  }

  private static byte[] json(String format, Object... values) {
    return String.format(Locale.ROOT, format, values)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
