package dev.taxiscale.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestReport;

/** Renders an ingest report as a short table for people or as JSON for scripts. */
final class ReportPrinter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportPrinter() {}

  static String json(IngestReport report) throws JsonProcessingException {
    return JSON.writeValueAsString(report);
  }

  /** What {@code --json} prints when the ingest failed: {@code {"error": "..."}}. */
  static String jsonError(String message) throws JsonProcessingException {
    return JSON.writeValueAsString(java.util.Map.of("error", message));
  }

  static String text(IngestReport report) {
    StringBuilder out = new StringBuilder();
    for (FileReport file : report.files()) {
      out.append(
          String.format(
              "%s [%s]%s: rows %,d, kept %,d, rejected %,d%s%n",
              file.name(),
              file.format(),
              file.alreadyLoaded() ? " already loaded" : "",
              file.rowsIn(),
              file.kept(),
              file.rejected(),
              file.rejects().isEmpty() ? "" : " " + file.rejects()));
    }
    out.append(
        String.format(
            "total: %d files, rows %,d, kept %,d, rejected %,d %s in %.1f s",
            report.files().size(),
            report.rowsIn(),
            report.kept(),
            report.rejected(),
            report.rejects(),
            report.elapsedMillis() / 1000.0));
    return out.toString();
  }
}
