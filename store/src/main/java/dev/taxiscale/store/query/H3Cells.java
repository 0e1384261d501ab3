package dev.taxiscale.store.query;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.HeatmapResult;
import dev.taxiscale.store.TripHours;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H3 hexagons. A fine square is at most a third of the hexagon's average edge, so a trip counted in
 * a neighbouring cell lies within a fine square's diagonal (about half an edge) of the border, and
 * most trips sit well inside; finer squares cost more SQL groups (measured in
 * docs/query-design.md). Where a third of an edge is larger than the {@link TripHours} squares, the
 * fine square is the largest multiple of them below it (375 m at resolution 7, 125 m at 8), so that
 * whole hours can be read from the hourly rollup. Lookups are cached because the same squares come
 * back query after query.
 */
final class H3Cells implements CellSystem {

  /** Fine squares per hexagon edge: finer is more exact and returns more groups from SQL. */
  static final int FINE_PER_EDGE = 3;

  private static final int MAX_CACHED = 1 << 20;
  private static final long BIAS = 1L << 27;

  private final H3Core h3;
  private final double[] fineMeters = new double[16];
  private final Map<Long, Long> cache = new ConcurrentHashMap<>();

  H3Cells() throws IOException {
    this.h3 = H3Core.newInstance();
    for (int res = 0; res < fineMeters.length; res++) {
      fineMeters[res] = fineSquare(h3.getHexagonEdgeLengthAvg(res, LengthUnit.m) / FINE_PER_EDGE);
    }
  }

  /** The largest multiple of the rollup's squares up to {@code most}, or {@code most} below one. */
  static double fineSquare(double most) {
    double square = TripHours.SQUARE_METERS;
    return most < square ? most : Math.floor(most / square) * square;
  }

  @Override
  public String name() {
    return HeatmapResult.H3;
  }

  @Override
  public double fineCellMeters(int resolution) {
    return fineMeters[resolution];
  }

  @Override
  public long cellOf(int resolution, long gx, long gy) {
    long key = ((long) resolution << 56) | ((gx + BIAS) << 28) | (gy + BIAS);
    Long cell = cache.get(key);
    if (cell == null) {
      double side = fineMeters[resolution];
      cell =
          h3.latLngToCell(
              Projection.lat((gy + 0.5) * side), Projection.lon((gx + 0.5) * side), resolution);
      if (cache.size() >= MAX_CACHED) {
        // crude but bounded: the working set of a map view refills it within a few queries
        cache.clear();
      }
      cache.put(key, cell);
    }
    return cell;
  }

  @Override
  public Cell describe(long cell, int resolution) {
    LatLng center = h3.cellToLatLng(cell);
    return new Cell(
        h3.h3ToString(cell), Rounding.degrees(center.lng), Rounding.degrees(center.lat));
  }

  @Override
  public Double gridCellMeters(int resolution) {
    return null;
  }
}
