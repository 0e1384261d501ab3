package dev.taxiscale.spark;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One registered file for the pipeline: how to read its rows, the id its trips get, the table they
 * go to (trips, or a reload's staging table) and the optional outputs.
 *
 * @param rejectSamplesPerReason how many rejected lines per reason to bring back to the driver
 */
record FileJob(
    RowSource rows,
    int fileId,
    String table,
    Optional<Path> parquetDir,
    int rejectSamplesPerReason) {
  FileJob {
    if (rejectSamplesPerReason < 0) {
      throw new IllegalArgumentException(
          "reject samples per reason must be >= 0, got " + rejectSamplesPerReason);
    }
  }
}
