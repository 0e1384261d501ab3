package dev.taxiscale.core.format;

import dev.taxiscale.core.zone.ZoneMap;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's rows are checked against beyond their own fields: the taxi zones that place
 * zone-based trips, and the month the file is named for.
 *
 * @param zones the loaded zones, or null for files with coordinates
 * @param month the month every pickup must fall in, or null when the name gives none
 */
public record FileContext(ZoneMap zones, YearMonth month) implements Serializable {
  /** Nothing beyond the row itself: CSV files and names without a month. */
  public static final FileContext NONE = new FileContext(null, null);

  /** {@code yellow_tripdata_2024-01.parquet}: the TLC names each monthly file so. */
  private static final Pattern MONTH_IN_NAME = Pattern.compile("_(\\d{4})-(\\d{2})(?=\\D*$)");

  /** The month in a TLC file name such as {@code green_tripdata_2024-01.parquet}, or null. */
  public static YearMonth monthOf(String fileName) {
    Matcher matcher = MONTH_IN_NAME.matcher(fileName == null ? "" : fileName);
    if (!matcher.find()) {
      return null;
    }
    int month = Integer.parseInt(matcher.group(2));
    return month >= 1 && month <= 12
        ? YearMonth.of(Integer.parseInt(matcher.group(1)), month)
        : null;
  }

  /** The context for a file of this name, with these zones (or null). */
  public static FileContext of(String fileName, ZoneMap zones) {
    return new FileContext(zones, monthOf(fileName));
  }

  private static final ZoneMap NO_ZONES = new ZoneMap(List.of());

  /** The zones, or an empty map. */
  ZoneMap zonesOrEmpty() {
    return zones == null ? NO_ZONES : zones;
  }
}
