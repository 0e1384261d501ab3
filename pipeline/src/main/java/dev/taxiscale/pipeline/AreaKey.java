package dev.taxiscale.pipeline;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.RideSearchRequest;

/**
 * The record key of a request: the 2 km grid cell it is about, so that requests about the same
 * neighbourhood land on the same partition and meet a worker whose cache already holds that area.
 */
public final class AreaKey {
  /** Cell side in meters: a few minutes' drive, wider than most nearby-cab radii. */
  static final double CELL_METERS = 2_000;

  private AreaKey() {}

  /** {@code cell:<column>:<row>} of the request's anchor point. */
  public static String of(QueryRequest request) {
    GeoPoint anchor = anchor(request);
    long column = (long) Math.floor(anchor.x() / CELL_METERS);
    long row = (long) Math.floor(anchor.y() / CELL_METERS);
    return "cell:" + column + ":" + row;
  }

  private static GeoPoint anchor(QueryRequest request) {
    return request.accept(ANCHOR);
  }

  /** The point each query type is about. */
  private static final QueryRequest.Visitor<GeoPoint> ANCHOR =
      new QueryRequest.Visitor<>() {
        @Override
        public GeoPoint nearby(NearbyCabsRequest request) {
          return request.point();
        }

        @Override
        public GeoPoint rides(RideSearchRequest request) {
          return center(request.pickupBox() != null ? request.pickupBox() : request.dropoffBox());
        }

        @Override
        public GeoPoint heatmap(HeatmapRequest request) {
          return center(request.box());
        }

        @Override
        public GeoPoint fare(FareEstimateRequest request) {
          return request.from();
        }
      };

  private static GeoPoint center(BoundingBox box) {
    return new GeoPoint((box.west() + box.east()) / 2, (box.south() + box.north()) / 2);
  }
}
