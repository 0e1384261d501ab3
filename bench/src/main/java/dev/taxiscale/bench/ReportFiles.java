package dev.taxiscale.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.md} and {@code report.html} into a folder. */
final class ReportFiles {
  static final String MARKDOWN = "report.md";
  static final String HTML = "report.html";

  private ReportFiles() {}

  static void write(BenchReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    String throughputMode =
        report.summaries().stream()
            .map(PathSummary::mode)
            .filter(m -> m.startsWith("concurrent"))
            .findFirst()
            .orElse("sequential");
    Files.writeString(dir.resolve(MARKDOWN), MarkdownReport.render(report), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve(HTML), HtmlReport.render(report, throughputMode), StandardCharsets.UTF_8);
  }
}
