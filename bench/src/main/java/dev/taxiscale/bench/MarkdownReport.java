package dev.taxiscale.bench;

import java.util.Locale;

/** The report as Markdown: the machine, the data, one table row per path and mode, the notes. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(BenchReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# taxiscale benchmark\n\n");
    md.append("- Machine: ").append(report.machine().describe()).append('\n');
    md.append(data(report)).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- Requests: %d distinct, seed %d, each path warmed up first (see notes); run took %.0f s\n\n",
            report.requests(),
            report.seed(),
            report.seconds()));
    md.append("Latency in milliseconds; throughput in answered requests per second.\n\n");
    md.append(
        "| path | mode | workers | answered | errors | mean | p50 | p90 | p99 | max | req/s |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (PathSummary s : report.summaries()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %.0f |\n",
              s.path(),
              s.mode(),
              s.workers(),
              s.count(),
              s.errors(),
              millis(s.meanMicros()),
              millis(s.p50Micros()),
              millis(s.p90Micros()),
              millis(s.p99Micros()),
              millis(s.maxMicros()),
              s.perSecond()));
    }
    if (!report.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  static String data(BenchReport report) {
    DataBounds b = report.bounds();
    return String.format(
        Locale.ROOT,
        "- Data: %,d trips, pickups %s .. %s, central 90%% in lon %.4f..%.4f, lat %.4f..%.4f",
        b.trips(),
        b.firstPickup(),
        b.lastPickup(),
        b.west(),
        b.east(),
        b.south(),
        b.north());
  }

  /** Microseconds as milliseconds with two decimals. */
  static String millis(double micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1_000);
  }
}
