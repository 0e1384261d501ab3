package dev.taxiscale.bench;

import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The zone queries' speed goals, judged on the sequential median of the query engine (the SQL and
 * its result mapping, no transport): a city-wide 24-hour zone heatmap within {@value
 * #HEATMAP_P50_MILLIS} ms and a zone-to-zone estimate within {@value #FARE_P50_MILLIS} ms. The
 * other paths' medians are shown beside it.
 */
final class ZoneGoals {
  static final int HEATMAP_P50_MILLIS = 50;
  static final int FARE_P50_MILLIS = 20;

  private static final String JUDGED = "engine";
  private static final String MET = "met";

  private ZoneGoals() {}

  /** One line per goal, e.g. {@code goal zone-fare p50 <= 20 ms: met, engine 3.10 ms (...)}. */
  static List<String> check(List<PathSummary> summaries) {
    return List.of(
        line(ZoneHeatmapRequest.TYPE, HEATMAP_P50_MILLIS, summaries),
        line(ZoneFareRequest.TYPE, FARE_P50_MILLIS, summaries));
  }

  /** Whether every line says the goal was met. */
  static boolean allMet(List<String> lines) {
    return lines.stream().allMatch(l -> l.contains(": " + MET + ","));
  }

  private static String line(String type, int limitMillis, List<PathSummary> summaries) {
    PathSummary judged = null;
    List<String> others = new ArrayList<>();
    for (PathSummary s : summaries) {
      if (!s.path().endsWith(" " + type)) {
        continue;
      }
      String path = s.path().substring(0, s.path().length() - type.length() - 1);
      if (path.equals(JUDGED)) {
        judged = s;
      } else {
        others.add(path + " " + MarkdownReport.millis(s.p50Micros()) + " ms");
      }
    }
    String verdict =
        judged == null
            ? "not measured"
            : (judged.errors() == 0 && judged.p50Micros() <= limitMillis * 1_000L ? MET : "MISSED")
                + String.format(
                    Locale.ROOT,
                    ", %s p50 %s ms, p99 %s ms",
                    JUDGED,
                    MarkdownReport.millis(judged.p50Micros()),
                    MarkdownReport.millis(judged.p99Micros()));
    return String.format(
        Locale.ROOT,
        "goal %s p50 <= %d ms: %s (other paths' p50: %s)",
        type,
        limitMillis,
        verdict,
        others.isEmpty() ? "none" : String.join(", ", others));
  }
}
