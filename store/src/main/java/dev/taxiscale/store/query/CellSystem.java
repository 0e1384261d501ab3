package dev.taxiscale.store.query;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How heatmap cells are cut. SQL aggregates trips on a fine square grid in meters (H3 does not run
 * inside PostgreSQL); a cell system maps each fine square to the cell that contains its center, so
 * cells are exact up to one fine square at their edges.
 */
public interface CellSystem {

  /** {@code h3} or {@code grid}, as reported in results. */
  String name();

  /** Side in meters of the fine squares SQL groups by at this resolution. */
  double fineCellMeters(int resolution);

  /** The cell holding the center of fine square ({@code gx}, {@code gy}). */
  long cellOf(int resolution, long gx, long gy);

  /** The id and center of a cell returned by {@link #cellOf}. */
  Cell describe(long cell, int resolution);

  /** Side of a grid cell in meters; null for H3. */
  Double gridCellMeters(int resolution);

  /** A cell's printable id and the lon/lat of its center. */
  record Cell(String id, double lon, double lat) {}

  /** H3 hexagons, or the square grid when H3's native library cannot load on this host. */
  static CellSystem h3OrGrid() {
    try {
      return new H3Cells();
    } catch (IOException | LinkageError e) {
      Logger log = LoggerFactory.getLogger(CellSystem.class);
      log.warn("H3 native library unavailable ({}), heatmaps use square grid cells", e.toString());
      return new GridCells();
    }
  }

  /** Squares of about the area of an H3 hexagon at the same resolution. */
  static CellSystem grid() {
    return new GridCells();
  }
}
