package dev.taxiscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private final RetryAfter retryAfter = new RetryAfter(0);

  @Test
  void shouldAskForOneSecondWhileRefusalsAreOccasional() {
    assertThat(retryAfter.refused(0)).isEqualTo(1);
    assertThat(retryAfter.refused(900 * MS)).isEqualTo(1);
    // a quiet second between refusals
    assertThat(retryAfter.refused(2 * SECOND + 100 * MS)).isEqualTo(1);
  }

  @Test
  void shouldDoubleForEverySecondOfRefusalsUpToTheMaximum() {
    assertThat(retryAfter.refused(100 * MS)).isEqualTo(1);
    assertThat(retryAfter.refused(SECOND + 100 * MS)).isEqualTo(2);
    assertThat(retryAfter.refused(2 * SECOND + 100 * MS)).isEqualTo(4);
    assertThat(retryAfter.refused(3 * SECOND + 100 * MS)).isEqualTo(RetryAfter.MAX_SECONDS);
    assertThat(retryAfter.refused(9 * SECOND + 100 * MS)).isEqualTo(1);
  }

  @Test
  void shouldHalveBackForEveryQuietSecond() {
    for (int s = 0; s < 4; s++) {
      retryAfter.refused(s * SECOND);
    }
    assertThat(retryAfter.refused(4 * SECOND)).isEqualTo(4);

    // second 4 had a refusal (4 stays 4), then seconds 5 and 6 were quiet: 4 -> 2 -> 1
    assertThat(retryAfter.refused(7 * SECOND + 1)).isEqualTo(1);
  }

  @Test
  void shouldComeBackToOneSecondAfterALongQuietSpell() {
    for (int s = 0; s < 4; s++) {
      retryAfter.refused(s * SECOND);
    }

    assertThat(retryAfter.refused(3_600 * SECOND)).isEqualTo(1);
  }
}
