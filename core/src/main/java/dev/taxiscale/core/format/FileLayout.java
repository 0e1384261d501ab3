package dev.taxiscale.core.format;

import dev.taxiscale.core.trip.Source;

/**
 * A published file layout, CSV or Parquet: its name in reports and the fleet its trips come from.
 */
public interface FileLayout {
  /** The name stored with a loaded file and shown in reports. */
  String name();

  Source source();

  /** Whether trips carry taxi zone ids instead of coordinates. */
  default boolean zoneBased() {
    return false;
  }

  /** Whether trips carry the high-volume for-hire fields ({@code trip.HighVolume}). */
  default boolean highVolume() {
    return false;
  }
}
