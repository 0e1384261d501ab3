package dev.taxiscale.store;

/** The one registry of table names; SQL elsewhere refers to these constants. */
public final class Tables {
  /** One row per trip, loaded by either ingest engine. */
  public static final String TRIPS = "trips";

  /** One row per ingested file: fingerprint, status and counts; makes loads idempotent. */
  public static final String INGEST_FILES = "ingest_files";

  private Tables() {}
}
