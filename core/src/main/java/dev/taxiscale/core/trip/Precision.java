package dev.taxiscale.core.trip;

import java.util.Locale;

/** How exact a trip's positions are; the lowercase name is what the database stores. */
public enum Precision {
  /** Coordinates as the meter recorded them. */
  POINT,
  /** Only taxi zones were published: the coordinates are a point placed inside the zone. */
  ZONE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
