package dev.taxiscale.bench;

import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.Sampler;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A fixed list of distinct requests drawn with a seed inside the data's bounds: the same seed and
 * bounds always give the same list, so every path answers exactly the same questions.
 */
public record RequestSet(long seed, List<QueryRequest> requests) {

  /** Every query type, drawn in turn. */
  public static final List<String> ALL_TYPES = QueryType.names();

  /**
   * The types asked unless {@code --types} says otherwise: those the benchmark's generated trips
   * answer. They carry coordinates and no taxi zones, so the zone types would only meet "zones not
   * loaded".
   */
  public static final List<String> DEFAULT_TYPES =
      java.util.stream.Stream.of(
              QueryType.NEARBY, QueryType.RIDES, QueryType.HEATMAP, QueryType.FARE)
          .map(QueryType::wireName)
          .toList();

  public RequestSet {
    requests = List.copyOf(requests);
  }

  /**
   * {@code size} distinct requests cycling through {@code types}.
   *
   * @throws IllegalArgumentException for a size below 1 or an unknown type
   */
  public static RequestSet draw(DataBounds bounds, long seed, int size, List<String> types) {
    if (size < 1) {
      throw new IllegalArgumentException("request count must be at least 1, got " + size);
    }
    for (String type : types) {
      if (!ALL_TYPES.contains(type)) {
        throw new IllegalArgumentException(
            "unknown query type '" + type + "', expected one of " + String.join(",", ALL_TYPES));
      }
    }
    Drawer drawer = new Drawer(bounds, new Random(seed));
    Set<QueryRequest> distinct = new LinkedHashSet<>();
    for (int i = 0; distinct.size() < size; i++) {
      distinct.add(drawer.draw(types.get(i % types.size())));
    }
    return new RequestSet(seed, new ArrayList<>(distinct));
  }

  public int size() {
    return requests.size();
  }

  /** Draws places uniformly inside the data's box and minutes inside its time range. */
  private record Drawer(DataBounds bounds, Random random) implements Sampler {

    QueryRequest draw(String type) {
      return QueryType.named(type).draw(this);
    }

    @Override
    public GeoPoint place(double spreadMeters) {
      return new GeoPoint(
          between(bounds.west(), bounds.east()), between(bounds.south(), bounds.north()));
    }

    @Override
    public Leg leg(double spreadMeters) {
      GeoPoint from = place(spreadMeters);
      return new Leg(from, place(spreadMeters));
    }

    @Override
    public double fraction() {
      return random.nextDouble();
    }

    private double between(double low, double high) {
      return low + random.nextDouble() * (high - low);
    }

    @Override
    public LocalDateTime minute(int spanMinutes) {
      LocalDateTime first = bounds.firstPickup().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      long minutes = ChronoUnit.MINUTES.between(first, bounds.lastPickup()) - spanMinutes;
      return first.plusMinutes(minutes <= 0 ? 0 : (long) (random.nextDouble() * minutes));
    }
  }
}
