package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PathSummaryTest {

  /** 1 ms to 100 ms in 1 ms steps, as a histogram of microseconds. */
  private static Histogram oneToHundredMillis() {
    Histogram h = new Histogram(600_000_000L, 3);
    for (int ms = 1; ms <= 100; ms++) {
      h.recordValue(ms * 1_000L);
    }
    return h;
  }

  @Test
  void percentilesAreReadFromTheHistogramWithinItsPrecision() {
    PathSummary s = PathSummary.of("engine", "sequential", 0, oneToHundredMillis(), 0, 1);

    assertThat(s.p50Micros()).isCloseTo(50_000, within(50L));
    assertThat(s.p90Micros()).isCloseTo(90_000, within(90L));
    assertThat(s.p99Micros()).isCloseTo(99_000, within(99L));
    assertThat(s.maxMicros()).isCloseTo(100_000, within(100L));
  }

  @Test
  void theMeanIsTheAverageOfTheRecordedValues() {
    PathSummary s = PathSummary.of("engine", "sequential", 0, oneToHundredMillis(), 0, 1);

    assertThat(s.meanMicros()).isCloseTo(50_500, within(60.0));
  }

  @Test
  void throughputCountsAnsweredRequestsOverTheElapsedTime() {
    PathSummary s =
        PathSummary.of("engine", "concurrent-4", 0, oneToHundredMillis(), 5, 2_000_000_000L);

    assertThat(s.count()).isEqualTo(100);
    assertThat(s.errors()).isEqualTo(5);
    assertThat(s.perSecond()).isEqualTo(50.0);
  }

  @Test
  void anEmptyHistogramSummarizesToZeros() {
    PathSummary s = PathSummary.of("kafka-1", "sequential", 1, new Histogram(3), 100, 1_000);

    assertThat(s.count()).isZero();
    assertThat(s.meanMicros()).isZero();
    assertThat(s.perSecond()).isZero();
  }

  @Test
  void twoRoundsAddUpToOneSummary() {
    PathSummary round =
        PathSummary.of("engine", "sequential", 0, oneToHundredMillis(), 1, 1_000_000_000L);

    PathSummary both = round.plus(round);

    assertThat(both.count()).isEqualTo(200);
    assertThat(both.errors()).isEqualTo(2);
    assertThat(both.perSecond()).isEqualTo(100.0);
    assertThat(both.p50Micros()).isEqualTo(round.p50Micros());
  }
}
