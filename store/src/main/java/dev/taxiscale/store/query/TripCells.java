package dev.taxiscale.store.query;

import dev.taxiscale.store.TripHours;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java twin of the SQL function {@code trip_cell(point)} (migration V2): the number of the 250
 * m square cell holding a metric point, the first key of the query indexes. Both must compute the
 * same cells.
 */
final class TripCells {

  static final double CELL_METERS = 250;
  private static final int OFFSET = 500;
  private static final int ROW = 1000;

  private TripCells() {}

  static int cell(double x, double y) {
    return key((int) Math.floor(x / CELL_METERS), (int) Math.floor(y / CELL_METERS));
  }

  /** Every cell that has a point within {@code radius} meters of (x, y), in ascending order. */
  static Integer[] within(double x, double y, double radius) {
    int minX = (int) Math.floor((x - radius) / CELL_METERS);
    int maxX = (int) Math.floor((x + radius) / CELL_METERS);
    int minY = (int) Math.floor((y - radius) / CELL_METERS);
    int maxY = (int) Math.floor((y + radius) / CELL_METERS);
    List<Integer> cells = new ArrayList<>();
    for (int ix = minX; ix <= maxX; ix++) {
      for (int iy = minY; iy <= maxY; iy++) {
        // a millimeter of slack: a cell must never be missed for rounding
        if (nearestDistance(x, y, ix, iy) <= radius + 0.001) {
          cells.add(key(ix, iy));
        }
      }
    }
    return cells.toArray(Integer[]::new);
  }

  /** Every cell that overlaps a box given in meters, in ascending order. */
  static Integer[] covering(double minX, double minY, double maxX, double maxY) {
    int fromX = (int) Math.floor(minX / CELL_METERS);
    int toX = (int) Math.floor(maxX / CELL_METERS);
    int fromY = (int) Math.floor(minY / CELL_METERS);
    int toY = (int) Math.floor(maxY / CELL_METERS);
    Integer[] cells = new Integer[(toX - fromX + 1) * (toY - fromY + 1)];
    int i = 0;
    for (int ix = fromX; ix <= toX; ix++) {
      for (int iy = fromY; iy <= toY; iy++) {
        cells[i++] = key(ix, iy);
      }
    }
    return cells;
  }

  /**
   * As {@link #covering}, less the cells made only of {@link TripHours} squares in the given
   * inclusive ranges: a cell is two by two of those squares.
   */
  static Integer[] coveringExcept(
      double minX,
      double minY,
      double maxX,
      double maxY,
      int fromSquareX,
      int toSquareX,
      int fromSquareY,
      int toSquareY) {
    int fromX = (int) Math.floor(minX / CELL_METERS);
    int toX = (int) Math.floor(maxX / CELL_METERS);
    int fromY = (int) Math.floor(minY / CELL_METERS);
    int toY = (int) Math.floor(maxY / CELL_METERS);
    List<Integer> cells = new ArrayList<>();
    for (int ix = fromX; ix <= toX; ix++) {
      boolean columnInside = 2 * ix >= fromSquareX && 2 * ix + 1 <= toSquareX;
      for (int iy = fromY; iy <= toY; iy++) {
        boolean inside = columnInside && 2 * iy >= fromSquareY && 2 * iy + 1 <= toSquareY;
        if (!inside) {
          cells.add(key(ix, iy));
        }
      }
    }
    return cells.toArray(Integer[]::new);
  }

  private static double nearestDistance(double x, double y, int ix, int iy) {
    double dx = Math.max(0, Math.max(ix * CELL_METERS - x, x - (ix + 1) * CELL_METERS));
    double dy = Math.max(0, Math.max(iy * CELL_METERS - y, y - (iy + 1) * CELL_METERS));
    return Math.hypot(dx, dy);
  }

  private static int key(int ix, int iy) {
    return (ix + OFFSET) * ROW + (iy + OFFSET);
  }
}
