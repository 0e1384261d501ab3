package dev.taxiscale.bench;

import java.util.List;
import java.util.Locale;

/** The report as one self-contained HTML page: the table, a latency CDF and workers' throughput. */
final class HtmlReport {
  private HtmlReport() {}

  static String render(BenchReport report, String throughputMode) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>taxiscale benchmark</title><style>")
        .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}")
        .append("td:nth-child(-n+2),th:nth-child(-n+2){text-align:left}")
        .append("</style></head><body>\n<h1>taxiscale benchmark</h1>\n<ul>\n");
    html.append("<li>Machine: ").append(Html.escape(report.machine().describe())).append("</li>\n");
    html.append("<li>")
        .append(Html.escape(MarkdownReport.data(report).substring(2)))
        .append("</li>\n");
    html.append(
        String.format(
            Locale.ROOT,
            "<li>Requests: %d distinct, seed %d; run took %.0f s</li>\n</ul>\n",
            report.requests(),
            report.seed(),
            report.seconds()));
    table(html, report.summaries());
    for (String mode : modes(report)) {
      List<PathSummary> inMode =
          report.summaries().stream().filter(s -> s.mode().equals(mode)).toList();
      html.append("<h2>Latency CDF, ")
          .append(Html.escape(mode))
          .append("</h2>\n")
          .append(SvgCharts.latencyCdf(inMode, "latency CDF " + mode));
    }
    List<PathSummary> kafka =
        report.summaries().stream()
            .filter(s -> s.workers() > 0 && s.mode().equals(throughputMode))
            .toList();
    if (!kafka.isEmpty()) {
      html.append("<h2>Throughput against Kafka workers (")
          .append(Html.escape(throughputMode))
          .append(")</h2>\n")
          .append(SvgCharts.throughputByWorkers(kafka));
    }
    if (!report.notes().isEmpty()) {
      html.append("<h2>Notes</h2>\n<ul>\n");
      report.notes().forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>\n"));
      html.append("</ul>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static List<String> modes(BenchReport report) {
    return report.summaries().stream().map(PathSummary::mode).distinct().toList();
  }

  private static void table(StringBuilder html, List<PathSummary> summaries) {
    html.append("<table><tr><th>path</th><th>mode</th><th>workers</th><th>answered</th>")
        .append("<th>errors</th><th>mean ms</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th>")
        .append("<th>max ms</th><th>req/s</th></tr>\n");
    for (PathSummary s : summaries) {
      html.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td>"
                  + "<td>%s</td><td>%s</td><td>%s</td><td>%.0f</td></tr>\n",
              Html.escape(s.path()),
              Html.escape(s.mode()),
              s.workers(),
              s.count(),
              s.errors(),
              MarkdownReport.millis(s.meanMicros()),
              MarkdownReport.millis(s.p50Micros()),
              MarkdownReport.millis(s.p90Micros()),
              MarkdownReport.millis(s.p99Micros()),
              MarkdownReport.millis(s.maxMicros()),
              s.perSecond()));
    }
    html.append("</table>\n");
  }
}
