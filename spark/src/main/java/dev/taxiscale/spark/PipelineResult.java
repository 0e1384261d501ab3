package dev.taxiscale.spark;

import dev.taxiscale.ingest.EngineSteps;
import dev.taxiscale.store.FileCounts;
import java.util.List;

/**
 * What the Spark pipeline found in one file.
 *
 * @param blanks blank lines skipped, which are not rows
 * @param rejectedLines the first rejected lines per reason, for the rejects file
 */
record PipelineResult(
    FileCounts counts, long blanks, List<EngineSteps.RejectedLine> rejectedLines) {
  PipelineResult {
    rejectedLines = List.copyOf(rejectedLines);
  }
}
