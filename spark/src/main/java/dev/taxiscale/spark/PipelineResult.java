package dev.taxiscale.spark;

import dev.taxiscale.store.FileCounts;
import java.util.List;

/**
 * What the Spark pipeline found in one file.
 *
 * @param rejectedSample the first rejected lines, for the rejects file
 */
record PipelineResult(FileCounts counts, long blanks, List<LineResult> rejectedSample) {
  PipelineResult {
    rejectedSample = List.copyOf(rejectedSample);
  }
}
