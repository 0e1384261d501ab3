package dev.taxiscale.core.query;

import java.time.LocalDateTime;

/**
 * Where and when a drawn request asks. Each query type draws its typical request from one (see
 * {@link QueryType#draw}); the bench's request set, its workload and the test examples each answer
 * differently: uniformly inside the data, around busy places, or at one fixed place and time.
 */
public interface Sampler {

  /** A place to ask about; a sampler that draws around busy places spreads this many meters. */
  GeoPoint place(double spreadMeters);

  /** Both ends of a trip, drawn together so that a sampler may pick the destination first. */
  Leg leg(double spreadMeters);

  /** A whole minute inside the data that leaves {@code spanMinutes} before the data's end. */
  LocalDateTime minute(int spanMinutes);

  /** A number in [0, 1). */
  double fraction();

  /** The two ends of a trip. */
  record Leg(GeoPoint from, GeoPoint to) {
    public Leg {
      Check.required("from", from);
      Check.required("to", to);
    }
  }
}
