package dev.taxiscale.pipeline.warmup;

import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.Sampler;
import dev.taxiscale.pipeline.ride.RideRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded requests of every type around Manhattan and Brooklyn at times of the sample month (April
 * 2014), as JSON with their {@code type}: what the warm-up replays. Each query type draws its
 * typical request ({@link QueryType#draw}); on other data they still run every code path, only
 * their answers are empty.
 */
public final class SyntheticRequests implements Sampler {
  /** The query types and the ride request, each the last part of its {@code /api/v1/} path. */
  public static final List<String> TYPES =
      Stream.concat(QueryType.names().stream(), Stream.of(RideRequest.TYPE)).toList();

  private static final LocalDateTime FIRST_DAY = LocalDateTime.of(2014, 4, 1, 0, 0);
  private final Random random;

  public SyntheticRequests(long seed) {
    this.random = new Random(seed);
  }

  /** One request of {@code type}, one of {@link #TYPES}. */
  public byte[] next(String type) {
    if (RideRequest.TYPE.equals(type)) {
      String json =
          String.format(
              Locale.ROOT,
              "{\"type\":\"%s\",\"pickup\":%s,\"destination\":%s,\"time\":\"%s\"}",
              RideRequest.TYPE,
              point(place(0)),
              point(place(0)),
              minute(0));
      return json.getBytes(StandardCharsets.UTF_8);
    }
    return QueryJson.write(QueryType.named(type).draw(this)).getBytes(StandardCharsets.UTF_8);
  }

  /** Anywhere in the box, whatever the spread. */
  @Override
  public GeoPoint place(double spreadMeters) {
    double lon = -74.01 + random.nextDouble() * 0.07;
    return new GeoPoint(lon, 40.68 + random.nextDouble() * 0.12);
  }

  @Override
  public Leg leg(double spreadMeters) {
    GeoPoint from = place(spreadMeters);
    return new Leg(from, place(spreadMeters));
  }

  /** A minute between 06:00 and 23:00 of one of the month's first 29 days. */
  @Override
  public LocalDateTime minute(int spanMinutes) {
    return FIRST_DAY.plusDays(random.nextInt(29)).plusMinutes(6 * 60 + random.nextInt(17 * 60));
  }

  @Override
  public double fraction() {
    return random.nextDouble();
  }

  private static String point(GeoPoint p) {
    return String.format(Locale.ROOT, "{\"lon\":%.5f,\"lat\":%.5f}", p.lon(), p.lat());
  }
}
