package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRenderingTest {

  private static final Machine TWO_CORES = new Machine(2, 24_000, 2_000, "Temurin 17", 1.5);

  private static PathSummary summary(String path, int workers, long micros) {
    Histogram h = new Histogram(600_000_000L, 3);
    h.recordValueWithCount(micros, 100);
    return PathSummary.of(path, "concurrent-4", workers, h, 0, 1_000_000_000L);
  }

  private static BenchReport twoPaths(List<String> notes) {
    return new BenchReport(
        TWO_CORES,
        RequestSetTest.MANHATTAN_JANUARY,
        100,
        42,
        List.of(summary("engine", 0, 1_500), summary("kafka-2", 2, 4_000)),
        notes,
        12.0);
  }

  @Test
  void theMarkdownHasOneRowPerPathWithMillisecondFigures() {
    String md = MarkdownReport.render(twoPaths(List.of()));

    assertThat(md)
        .contains("| engine | concurrent-4 | 0 | 100 | 0 | 1.50 | 1.50 |")
        .contains("| kafka-2 | concurrent-4 | 2 | 100 | 0 | 4.00 | 4.00 |");
  }

  @Test
  void theMarkdownNamesTheMachine() {
    assertThat(MarkdownReport.render(twoPaths(List.of())))
        .contains("2 cores, 24,000 MB memory")
        .contains("Temurin 17");
  }

  @Test
  void theHtmlPageHoldsTheCdfAndTheWorkersChartInline() {
    String html = HtmlReport.render(twoPaths(List.of()), "concurrent-4");

    assertThat(html).contains("aria-label=\"latency CDF concurrent-4\"");
    assertThat(html).contains("aria-label=\"throughput against workers\"");
    assertThat(html).doesNotContain("<script").doesNotContain("src=\"http");
  }

  @Test
  void notesAreEscapedInTheHtmlPage() {
    String html = HtmlReport.render(twoPaths(List.of("first error: <500>")), "concurrent-4");

    assertThat(html).contains("first error: &lt;500&gt;");
  }

  @Test
  void bothFilesAreWrittenToTheReportFolder(@TempDir Path dir) throws Exception {
    ReportFiles.write(twoPaths(List.of()), dir);

    assertThat(dir.resolve(ReportFiles.MARKDOWN)).exists();
    assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).startsWith("<!DOCTYPE html>");
  }

  @Test
  void cdfAxisLabelsReadAsMilliseconds() {
    assertThat(SvgCharts.milliLabel(100)).isEqualTo("0.1");
    assertThat(SvgCharts.milliLabel(1_000)).isEqualTo("1");
    assertThat(SvgCharts.milliLabel(100_000)).isEqualTo("100");
  }
}
