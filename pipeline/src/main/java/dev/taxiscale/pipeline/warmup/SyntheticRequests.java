package dev.taxiscale.pipeline.warmup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.Sampler;
import dev.taxiscale.pipeline.ride.RideRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded requests of every type around Manhattan and Brooklyn at times of the sample month (April
 * 2014), as JSON in the shapes clients send ({@link #next}): what the warm-up replays. Each query
 * type draws its typical request ({@link QueryType#draw}); on other data they still run every code
 * path, only their answers are empty.
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

  /** Requests per hundred sent with some of their fields left out. */
  static final int TRIMMED_PER_HUNDRED = 25;

  /** Requests per hundred sent as {@link #MALFORMED}, not JSON at all. */
  static final int MALFORMED_PER_HUNDRED = 2;

  /** What a client sends that is not JSON: the start of an object, cut short. */
  static final byte[] MALFORMED = "{\"point\":".getBytes(StandardCharsets.UTF_8);

  /**
   * One request of {@code type}, one of {@link #TYPES}, in one of the shapes clients send: mostly
   * whole, every field written out; one in four with fields left out at random, as clients leave
   * optional ones to their defaults and the typed paths need no {@code type} (some of these lack a
   * required field and are refused with a 400); one in fifty not JSON at all.
   *
   * <p>Why the variety: compiled code covers only the branches its profile saw, and the first
   * request to take another one (a field left to its default, a 400) sends the method back to the
   * interpreter until it is compiled again. Warmed with whole requests only, a user's first refused
   * request deoptimized 47 compiled methods of the HTTP path at once, and the first with fields
   * left out 26 of Jackson's, so the first clicks after ready ran on recompiling code.
   */
  public byte[] next(String type) {
    byte[] whole = whole(type);
    int shape = random.nextInt(100);
    if (shape < MALFORMED_PER_HUNDRED) {
      return MALFORMED.clone();
    }
    return shape < MALFORMED_PER_HUNDRED + TRIMMED_PER_HUNDRED ? trimmed(whole) : whole;
  }

  /** One request of {@code type} with every field written out. */
  byte[] whole(String type) {
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

  /** The request with each of its fields left out at even odds. */
  private byte[] trimmed(byte[] whole) {
    try {
      ObjectNode request = (ObjectNode) QueryJson.mapper().readTree(whole);
      List<String> names = new ArrayList<>();
      request.fieldNames().forEachRemaining(names::add);
      names.stream().filter(name -> random.nextBoolean()).forEach(request::remove);
      return QueryJson.mapper().writeValueAsBytes(request);
    } catch (IOException e) {
      throw new UncheckedIOException("a request this class wrote does not read back", e);
    }
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
