package dev.taxiscale.store;

/** The one registry of table names; SQL elsewhere refers to these constants. */
public final class Tables {
  /** One row per trip, loaded by either ingest engine. */
  public static final String TRIPS = "trips";

  /** Hourly sums of trips per file, 125 m pickup square and source: see {@link TripHours}. */
  public static final String TRIP_HOURS = "trip_hours";

  /** One row per ingested file: fingerprint, status and counts; makes loads idempotent. */
  public static final String INGEST_FILES = "ingest_files";

  /**
   * Definitions of trips indexes dropped for a bulk load and not yet rebuilt; created by {@link
   * TripIndexes} itself so a load killed after the drop gets its indexes back on the next run.
   */
  public static final String DROPPED_INDEXES = "ingest_dropped_indexes";

  /** The TLC taxi zones: names, shape (WKB), centroid, area and box; see {@code TaxiZones}. */
  public static final String TAXI_ZONES = "taxi_zones";

  /**
   * Names the staging tables of reloads: {@code trips_reload_<file id>} holds a reload's rows until
   * {@link FileClaim#finish} swaps them in; see {@link #reloadOf}.
   */
  public static final String TRIPS_RELOAD_PREFIX = "trips_reload_";

  /** Hourly sums of zone-level trips per file, pickup zone and source: see {@link ZoneHours}. */
  public static final String ZONE_HOURS = "zone_hours";

  private Tables() {}

  /** The staging table of a reload of one file. */
  public static String reloadOf(int fileId) {
    return TRIPS_RELOAD_PREFIX + fileId;
  }
}
