package dev.taxiscale.bench;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.HistogramIterationValue;

/** Inline SVG plots, drawn by hand so the HTML report needs nothing but a browser. */
final class SvgCharts {
  static final String[] COLORS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
  };
  private static final int WIDTH = 640;
  private static final int HEIGHT = 320;
  private static final int LEFT = 60;
  private static final int BOTTOM = 40;
  private static final int TOP = 20;

  private SvgCharts() {}

  /** Latency CDF per path on a log-scale millisecond axis, whole decades around the data. */
  static String latencyCdf(List<PathSummary> summaries, String title) {
    long min = summaries.stream().mapToLong(x -> x.histogram().getMinValue()).min().orElse(1);
    long max = summaries.stream().mapToLong(PathSummary::maxMicros).max().orElse(10);
    int low = (int) Math.floor(Math.log10(Math.max(1, min)));
    int high = Math.max(low + 1, (int) Math.ceil(Math.log10(Math.max(10, max))));
    double plotWidth = WIDTH - LEFT - 10;
    StringBuilder svg = open(title);
    axes(svg, "latency (ms, log scale)", "fraction of requests");
    for (int d = low; d <= high; d++) {
      double x = LEFT + plotWidth * (d - low) / (high - low);
      text(svg, x, HEIGHT - BOTTOM + 15, milliLabel(Math.pow(10, d)));
    }
    for (int q = 0; q <= 4; q++) {
      double y = (HEIGHT - BOTTOM - TOP) * (1 - q / 4.0) + TOP;
      text(svg, LEFT - 18, y + 4, String.format(Locale.ROOT, "%.2f", q / 4.0));
    }
    for (int i = 0; i < summaries.size(); i++) {
      PathSummary s = summaries.get(i);
      StringBuilder points = new StringBuilder();
      for (HistogramIterationValue v : s.histogram().recordedValues()) {
        double decades = Math.log10(Math.max(1, v.getValueIteratedTo())) - low;
        double x = LEFT + plotWidth * decades / (high - low);
        double y = (HEIGHT - BOTTOM - TOP) * (1 - v.getPercentile() / 100) + TOP;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      svg.append(
          String.format(
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n",
              color(i), points.toString().trim()));
      legend(svg, i, s.path());
    }
    return svg.append("</svg>\n").toString();
  }

  /** 0.1, 1, 10 and so on: microseconds as a short millisecond label. */
  static String milliLabel(double micros) {
    double ms = micros / 1_000;
    return ms >= 1 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%s", ms);
  }

  /** One bar per worker count: answered requests per second in one mode. */
  static String throughputByWorkers(List<PathSummary> kafka) {
    double top = kafka.stream().mapToDouble(PathSummary::perSecond).max().orElse(1);
    StringBuilder svg = open("throughput against workers");
    axes(svg, "worker processes", "requests per second (max " + Math.round(top) + ")");
    double slot = (WIDTH - LEFT - 10.0) / Math.max(1, kafka.size());
    for (int i = 0; i < kafka.size(); i++) {
      PathSummary s = kafka.get(i);
      double h = (HEIGHT - BOTTOM - TOP) * s.perSecond() / Math.max(1e-9, top);
      double x = LEFT + i * slot + slot * 0.2;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
              x,
              HEIGHT - BOTTOM - h,
              slot * 0.6,
              h,
              color(0)));
      text(svg, x + slot * 0.3, HEIGHT - BOTTOM + 15, String.valueOf(s.workers()));
      text(svg, x + slot * 0.3, HEIGHT - BOTTOM - h - 4, String.valueOf(Math.round(s.perSecond())));
    }
    return svg.append("</svg>\n").toString();
  }

  static String color(int i) {
    return COLORS[i % COLORS.length];
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(
        String.format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">\n",
            WIDTH + 260, HEIGHT, Html.escape(title)));
  }

  private static void axes(StringBuilder svg, String xLabel, String yLabel) {
    int y0 = HEIGHT - BOTTOM;
    svg.append(
        String.format(
            "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n",
            LEFT, LEFT, y0, LEFT, y0, WIDTH, y0));
    text(svg, (LEFT + WIDTH) / 2.0, HEIGHT - 8, xLabel);
    svg.append(
        String.format(
            "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>\n",
            y0 / 2, y0 / 2, Html.escape(yLabel)));
  }

  private static void legend(StringBuilder svg, int i, String label) {
    int y = 14 + i * 16;
    svg.append(
        String.format(
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>\n",
            WIDTH + 10, y - 4, color(i), WIDTH + 28, y, Html.escape(label)));
  }

  private static void text(StringBuilder svg, double x, double y, String text) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
            x,
            y,
            Html.escape(text)));
  }
}
