package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.TimeWindow;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The independent queries a {@link RideRequest} splits into, each answered on its own. */
public enum RidePart {
  /** The cabs freed nearest the pickup. */
  NEARBY("nearby") {
    @Override
    public Optional<QueryRequest> query(RideRequest ride) {
      return Optional.of(NearbyCabsRequest.nearest(ride.pickup(), ride.time(), NEARBY_CABS));
    }
  },
  /** Fare and duration from the pickup to the destination; not asked without a destination. */
  FARE("fare") {
    @Override
    public Optional<QueryRequest> query(RideRequest ride) {
      if (ride.destination() == null) {
        return Optional.empty();
      }
      return Optional.of(
          FareEstimateRequest.between(
              ride.pickup(), ride.destination().toGeoPoint("destination"), ride.time()));
    }
  },
  /** Pickups per cell around the pickup in the last whole hour: where demand is. */
  DEMAND("demand") {
    @Override
    public Optional<QueryRequest> query(RideRequest ride) {
      BoundingBox around = BoundingBox.around(ride.pickup(), DEMAND_BOX_M, DEMAND_BOX_M);
      return Optional.of(new HeatmapRequest(around, demandWindow(ride.time()), null, null));
    }
  };

  /**
   * The order the parts are sent in: the costliest first. A producer has one request in flight, so
   * records sent while it is out wait for its answer; the fare part, most often a ride's slowest
   * (it widens its radius until it finds enough trips), then starts at once and the cheaper parts
   * run beside it. In an A/B on `taxiscale up` the whole ride against its slowest part went from
   * 1.46-1.47 to 1.36-1.42 (docs/bench.md).
   */
  public static final List<RidePart> SEND_ORDER = List.of(FARE, NEARBY, DEMAND);

  /** How many cabs the nearby part lists. */
  static final int NEARBY_CABS = 10;

  /** The demand box's side: the pickup's H3 cell at resolution 8 and about two rings around it. */
  static final double DEMAND_BOX_M = 3_000;

  /** How far back the demand part counts pickups. */
  static final Duration DEMAND_WINDOW = Duration.ofHours(1);

  /**
   * The last whole clock hour before {@code time} (07:00-08:00 for a ride at 08:30 or at 08:00).
   * Whole hours come from the heatmap's hourly sums, while a window starting at any minute would
   * read every trip in it, and the answer is one value per cell rather than two part-hours.
   */
  static TimeWindow demandWindow(LocalDateTime time) {
    LocalDateTime end = time.truncatedTo(ChronoUnit.HOURS);
    return new TimeWindow(end.minus(DEMAND_WINDOW), end);
  }

  private final String field;

  RidePart(String field) {
    this.field = field;
  }

  /** The part's name in the merged reply. */
  public String field() {
    return field;
  }

  /**
   * The query that answers this part, or empty when the ride does not ask it.
   *
   * @throws dev.taxiscale.core.query.ValidationException when the ride's values do not fit it
   */
  public abstract Optional<QueryRequest> query(RideRequest ride);
}
