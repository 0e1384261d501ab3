package dev.taxiscale.core.trip;

import java.util.Locale;

/** How exact a trip's positions are; the lowercase name is what the database stores. */
public enum Precision {
  /** Coordinates as the meter recorded them. */
  POINT,
  /** Only taxi zones were published: the coordinates are a point placed inside the zone. */
  ZONE;

  // computed once: every stored trip writes its code (seen in ingest profiles)
  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }
}
