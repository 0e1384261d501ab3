package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ZoneGoalsTest {

  /** A summary whose every answer took {@code millis}. */
  private static PathSummary answeredIn(String path, long millis, long errors) {
    Histogram micros = new Histogram(600_000_000L, 3);
    micros.recordValueWithCount(millis * 1_000, 10);
    return PathSummary.of(path, "sequential", 0, micros, errors, 1_000_000_000L);
  }

  @Test
  void shouldMeetBothGoalsWhenTheEngineAnswersWithinThem() {
    List<String> lines =
        ZoneGoals.check(
            List.of(
                answeredIn("engine zone-heatmap", 30, 0),
                answeredIn("gateway-direct zone-heatmap", 70, 0),
                answeredIn("engine zone-fare", 5, 0)));

    assertThat(ZoneGoals.allMet(lines)).isTrue();
    assertThat(lines.get(0))
        .startsWith("goal zone-heatmap p50 <= 50 ms: met, engine p50 30.")
        .contains("(other paths' p50: gateway-direct 70.");
  }

  @Test
  void shouldMissTheFareGoalWhenTheEngineMedianIsAboveIt() {
    List<String> lines =
        ZoneGoals.check(
            List.of(
                answeredIn("engine zone-heatmap", 30, 0), answeredIn("engine zone-fare", 25, 0)));

    assertThat(lines.get(1)).startsWith("goal zone-fare p50 <= 20 ms: MISSED, engine p50 25.");
    assertThat(ZoneGoals.allMet(lines)).isFalse();
  }

  @Test
  void shouldNotCountAGoalAsMetWhenTheEngineFailedRequests() {
    List<String> lines =
        ZoneGoals.check(
            List.of(answeredIn("engine zone-heatmap", 1, 3), answeredIn("engine zone-fare", 1, 0)));

    assertThat(lines.get(0)).contains(": MISSED,");
  }

  @Test
  void shouldSayWhenATypeWasNotMeasured() {
    List<String> lines = ZoneGoals.check(List.of(answeredIn("engine zone-heatmap", 1, 0)));

    assertThat(lines.get(1))
        .isEqualTo("goal zone-fare p50 <= 20 ms: not measured (other paths' p50: none)");
    assertThat(ZoneGoals.allMet(lines)).isFalse();
  }
}
