package dev.taxiscale.testkit;

import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.Sampler;
import java.time.LocalDateTime;

/**
 * One valid request of each query type, its typical request ({@link QueryType#draw}) asked around
 * Penn Station, or from there to JFK, on a January evening.
 */
public final class QueryExamples {
  private static final LocalDateTime JANUARY_EVENING = LocalDateTime.of(2014, 1, 9, 21, 0);
  private static final GeoPoint PENN_STATION = Landmark.PENN_STATION.point();
  private static final GeoPoint JFK = Landmark.JFK_TERMINAL_4.point();

  /** Always the same place, trip and minute, so that each example is one literal request. */
  private static final Sampler AT_PENN_STATION =
      new Sampler() {
        @Override
        public GeoPoint place(double spreadMeters) {
          return PENN_STATION;
        }

        @Override
        public Leg leg(double spreadMeters) {
          return new Leg(PENN_STATION, JFK);
        }

        @Override
        public LocalDateTime minute(int spanMinutes) {
          return JANUARY_EVENING;
        }

        @Override
        public double fraction() {
          return 0;
        }
      };

  private QueryExamples() {}

  /** A request of {@code type} that passes validation. */
  public static QueryRequest of(QueryType type) {
    return type.draw(AT_PENN_STATION);
  }
}
