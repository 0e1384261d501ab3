package dev.taxiscale.store.query;

import dev.taxiscale.core.geo.Projection;
import dev.taxiscale.core.query.HeatmapRequest;
import dev.taxiscale.core.query.HeatmapResult;

/** Square cells with the area of an H3 hexagon: the fallback when H3 cannot load. */
final class GridCells implements CellSystem {

  private static final long BIAS = 1L << 31;

  @Override
  public String name() {
    return HeatmapResult.GRID;
  }

  @Override
  public double fineCellMeters(int resolution) {
    // the fine squares are the cells themselves: a grid needs no finer step
    return Math.sqrt(HeatmapRequest.cellAreaM2(resolution));
  }

  @Override
  public long cellOf(int resolution, long gx, long gy) {
    return ((gx + BIAS) << 32) | (gy + BIAS);
  }

  @Override
  public Cell describe(long cell, int resolution) {
    long gx = (cell >>> 32) - BIAS;
    long gy = (cell & 0xFFFF_FFFFL) - BIAS;
    double side = fineCellMeters(resolution);
    return new Cell(
        "g:" + gx + ":" + gy,
        Rounding.degrees(Projection.lon((gx + 0.5) * side)),
        Rounding.degrees(Projection.lat((gy + 0.5) * side)));
  }

  @Override
  public Double gridCellMeters(int resolution) {
    return Rounding.tenths(fineCellMeters(resolution));
  }
}
