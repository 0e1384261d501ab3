package dev.taxiscale.core.query;

import java.util.List;

/**
 * The heatmap buckets that have trips, ordered by hour then cell.
 *
 * @param cellSystem {@value #H3} when cells are H3 hexagons, {@value #GRID} for the square-grid
 *     fallback used when H3's native library cannot load
 * @param resolution the H3 resolution asked for
 * @param gridCellMeters side of a grid cell in meters; null for H3
 */
public record HeatmapResult(
    String cellSystem,
    int resolution,
    Double gridCellMeters,
    List<HeatCell> cells,
    List<String> notices)
    implements QueryResult {

  public static final String H3 = "h3";
  public static final String GRID = "grid";

  public HeatmapResult {
    cells = List.copyOf(cells);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
