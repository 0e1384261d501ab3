package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final Progress QUARTER_READ_AFTER_TEN_SECONDS =
      new Progress("yellow.csv", 1_000_000, 250L << 20, 1_000L << 20, Duration.ofSeconds(10));

  @Test
  void shouldEstimateTheRemainingTimeFromBytesRead() {
    assertThat(QUARTER_READ_AFTER_TEN_SECONDS.eta()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldDescribeRowsRateShareAndEtaOnOneLine() {
    assertThat(QUARTER_READ_AFTER_TEN_SECONDS.describe())
        .isEqualTo(
            "yellow.csv: 1,000,000 rows, 100,000 rows/s, 250 of 1,000 MiB read (25%), ETA 0:30");
  }

  @Test
  void shouldHaveNoEtaOnceEverythingIsRead() {
    Progress done = new Progress("yellow.csv", 10, 1_000, 1_000, Duration.ofSeconds(1));

    assertThat(done.eta()).isEqualTo(Duration.ZERO);
  }
}
