package dev.taxiscale.store;

import java.time.Instant;

/**
 * One file of the ingest registry as {@link IngestFiles#list} sees it, its state checked against
 * the loaders alive now.
 *
 * @param finishedAt when the load completed or was found interrupted; null while loading
 */
public record IngestedFile(
    int fileId,
    String name,
    String format,
    String engine,
    State state,
    long rowsIn,
    long kept,
    long rejected,
    Instant startedAt,
    Instant finishedAt) {

  /** Where a file's load stands. */
  public enum State {
    /** A live process is loading it. */
    LOADING,
    /** Its load completed; its rows are the file's. */
    DONE,
    /** Its load completed and a live process is reloading it; the old rows stay until then. */
    RELOADING,
    /** Its loader died; no rows are left, and the next ingest of the file loads it again. */
    INTERRUPTED;

    /** The state as printed, e.g. {@code interrupted}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public IngestedFile {
    if (name == null || state == null || startedAt == null) {
      throw new IllegalArgumentException("name, state and startedAt are required");
    }
  }
}
