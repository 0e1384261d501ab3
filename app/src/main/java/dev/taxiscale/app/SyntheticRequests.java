package dev.taxiscale.app;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded requests of every type around Manhattan and Brooklyn at times of the sample month (April
 * 2014), as JSON with their {@code type}: what the warm-up replays. On other data they still run
 * every code path; only their answers are empty.
 */
final class SyntheticRequests {
  /** The query types, each the last part of its {@code /api/v1/} path. */
  static final List<String> TYPES = List.of("nearby", "rides", "heatmap", "fare", "ride-request");

  private static final LocalDateTime FIRST_DAY = LocalDateTime.of(2014, 4, 1, 0, 0);
  private final Random random;

  SyntheticRequests(long seed) {
    this.random = new Random(seed);
  }

  /** One request of {@code type}, one of {@link #TYPES}. */
  byte[] next(String type) {
    String time = time().toString();
    String json =
        switch (type) {
          case "nearby" ->
              format("{\"type\":\"nearby\",\"point\":%s,\"time\":\"%s\",\"k\":10}", point(), time);
          case "rides" ->
              format(
                  "{\"type\":\"rides\",\"pickupBox\":%s,\"window\":%s,\"pageSize\":20}",
                  box(0.01), window(time(), 1));
          case "heatmap" ->
              format(
                  "{\"type\":\"heatmap\",\"box\":%s,\"window\":%s,\"resolution\":8}",
                  box(0.02), window(time().withMinute(0).withSecond(0), 1));
          case "fare" ->
              format(
                  "{\"type\":\"fare\",\"from\":%s,\"to\":%s,\"time\":\"%s\"}",
                  point(), point(), time);
          case "ride-request" ->
              format(
                  "{\"type\":\"ride-request\",\"pickup\":%s,\"destination\":%s,\"time\":\"%s\"}",
                  point(), point(), time);
          default -> throw new IllegalArgumentException("unknown type " + type);
        };
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private LocalDateTime time() {
    return FIRST_DAY.plusDays(random.nextInt(29)).plusMinutes(6 * 60 + random.nextInt(17 * 60));
  }

  private String point() {
    return format("{\"lon\":%.5f,\"lat\":%.5f}", lon(), lat());
  }

  private String box(double half) {
    double lon = lon();
    double lat = lat();
    return format(
        "{\"west\":%.5f,\"south\":%.5f,\"east\":%.5f,\"north\":%.5f}",
        lon - half, lat - half, lon + half, lat + half);
  }

  private static String window(LocalDateTime from, int hours) {
    return format("{\"from\":\"%s\",\"to\":\"%s\"}", from, from.plusHours(hours));
  }

  private double lon() {
    return -74.01 + random.nextDouble() * 0.07;
  }

  private double lat() {
    return 40.68 + random.nextDouble() * 0.12;
  }

  private static String format(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
