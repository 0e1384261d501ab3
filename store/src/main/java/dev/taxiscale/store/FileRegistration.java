package dev.taxiscale.store;

/**
 * A file's entry in the ingest registry after {@link IngestFiles#begin}.
 *
 * @param fileId the id that prefixes the file's trip ids
 * @param done whether a previous load completed; then {@code counts} are that load's counts and
 *     nothing needs loading
 */
public record FileRegistration(int fileId, boolean done, FileCounts counts) {
  public FileRegistration {
    if (fileId <= 0) {
      throw new IllegalArgumentException("fileId must be > 0, got " + fileId);
    }
  }
}
