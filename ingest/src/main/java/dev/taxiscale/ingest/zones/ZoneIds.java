package dev.taxiscale.ingest.zones;

import dev.taxiscale.core.zone.TaxiZone;
import java.io.IOException;

/** Parses a {@code LocationID} as the files spell it: {@code 7}, {@code "7"} or {@code 7.0}. */
final class ZoneIds {
  private ZoneIds() {}

  static int parse(Object value, String file) throws IOException {
    String text = value == null ? "" : value.toString().trim();
    try {
      double id = Double.parseDouble(text);
      if (id == Math.rint(id) && id >= TaxiZone.MIN_ID && id <= TaxiZone.MAX_ID) {
        return (int) id;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IOException(file + ": LocationID '" + text + "' is not a zone id");
  }
}
