package dev.taxiscale.core.query;

import java.util.List;

/**
 * The zone heatmap's figures for the zones that had pickups.
 *
 * @param zones one row per zone over the whole window (what a choropleth colours), by zone id
 * @param hours one row per zone and hour of day that had pickups, by zone then hour
 * @param names each listed zone's borough and name
 */
public record ZoneHeatmapResult(
    List<ZoneFigures> zones, List<ZoneFigures> hours, List<ZoneName> names, List<String> notices)
    implements QueryResult {

  public ZoneHeatmapResult {
    zones = List.copyOf(zones);
    hours = List.copyOf(hours);
    names = List.copyOf(names);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
