package dev.taxiscale.bench;

import java.util.Locale;

/** {@code report.html}: the Markdown report plus a chart of throughput against nodes. */
final class ScaleHtml {
  private static final int W = 640;
  private static final int H = 320;
  private static final int PAD = 50;

  private ScaleHtml() {}

  static String render(ScaleReport r) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>taxiscale scale-out</title>"
        + "</head><body style=\"font-family:sans-serif;max-width:960px;margin:auto\">"
        + chart(r)
        + "<pre style=\"white-space:pre-wrap\">"
        + Html.escape(ScaleMarkdown.render(r))
        + "</pre></body></html>\n";
  }

  /** Measured throughput (dots), the ideal N x one node (dashed) and the USL curve (line). */
  static String chart(ScaleReport r) {
    int maxNodes = Math.max(8, r.scale().get(r.scale().size() - 1).nodes());
    double one = r.scale().get(0).throughput();
    double maxY = Math.max(one * maxNodes, 1);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", W, H));
    svg.append("<title>throughput against nodes</title>");
    svg.append(line(x(0, maxNodes), y(0, maxY), x(maxNodes, maxNodes), y(0, maxY), "#000", ""));
    svg.append(line(x(0, maxNodes), y(0, maxY), x(0, maxNodes), y(maxY, maxY), "#000", ""));
    svg.append(
        line(
            x(1, maxNodes),
            y(one, maxY),
            x(maxNodes, maxNodes),
            y(one * maxNodes, maxY),
            "#888",
            " stroke-dasharray=\"6 4\""));
    StringBuilder usl = new StringBuilder();
    for (double n = 1; n <= maxNodes; n += 0.25) {
      usl.append(
          String.format(Locale.ROOT, "%.1f,%.1f ", x(n, maxNodes), y(r.usl().predict(n), maxY)));
    }
    svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" points=\"").append(usl).append("\"/>");
    for (ScalePoint p : r.scale()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#d62728\"><title>%d nodes: %.0f req/s</title></circle>",
              x(p.nodes(), maxNodes),
              y(p.throughput(), maxY),
              p.nodes(),
              p.throughput()));
      svg.append(text(x(p.nodes(), maxNodes), H - PAD + 16, String.valueOf(p.nodes())));
    }
    svg.append(text(W / 2.0, H - 8, "nodes (dots measured, dashed ideal, line USL fit)"));
    svg.append(text(PAD, PAD - 20, String.format(Locale.ROOT, "req/s (max %.0f)", maxY)));
    return svg.append("</svg>").toString();
  }

  private static double x(double nodes, int maxNodes) {
    return PAD + nodes / maxNodes * (W - 2 * PAD);
  }

  private static double y(double value, double maxY) {
    return H - PAD - value / maxY * (H - 2 * PAD);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String color, String extra) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>",
        x1,
        y1,
        x2,
        y2,
        color,
        extra);
  }

  private static String text(double x, double y, String s) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
        x,
        y,
        Html.escape(s));
  }
}
