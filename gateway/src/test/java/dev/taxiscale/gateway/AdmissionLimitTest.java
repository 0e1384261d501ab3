package dev.taxiscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionLimitTest {
  private static final Duration TARGET = Duration.ofSeconds(1);
  private static final Duration WINDOW = Duration.ofMillis(250);
  private static final long WINDOW_NANOS = WINDOW.toNanos();

  private final AdmissionLimit limit = new AdmissionLimit(8, 1_024, 64, TARGET, WINDOW, 0);

  @Test
  void shouldAtMostHalveTheLimitWhenAdmittedRequestsTakeFarLongerThanTheTarget() {
    limit.admitted(64);
    limit.completed(Duration.ofSeconds(10).toNanos(), WINDOW_NANOS);

    assertThat(limit.limit()).isEqualTo(32);
  }

  @Test
  void shouldNotGrowWhileNobodyPressesAgainstIt() {
    limit.admitted(3);
    limit.completed(Duration.ofMillis(1).toNanos(), WINDOW_NANOS);

    assertThat(limit.limit()).isEqualTo(64);
  }

  @Test
  void shouldGrowByHalfWhenRequestsPressAgainstItAndAnswerFast() {
    limit.admitted(64);
    limit.completed(Duration.ofMillis(1).toNanos(), WINDOW_NANOS);

    assertThat(limit.limit()).isEqualTo(96);
  }

  @Test
  void shouldKeepCountingUntilTheWindowEnds() {
    limit.admitted(64);
    limit.completed(Duration.ofSeconds(10).toNanos(), WINDOW_NANOS / 2);

    assertThat(limit.limit()).isEqualTo(64);
  }

  @Test
  void shouldStayWithinTheFloorAndTheCeiling() {
    for (int i = 1; i <= 20; i++) {
      limit.admitted(1_024);
      limit.completed(Duration.ofSeconds(30).toNanos(), i * WINDOW_NANOS);
    }
    assertThat(limit.limit()).isEqualTo(8);
    for (int i = 21; i <= 60; i++) {
      limit.admitted(1_024);
      limit.completed(1, i * WINDOW_NANOS);
    }
    assertThat(limit.limit()).isEqualTo(1_024);
  }

  @Test
  void shouldSettleWhereAdmittedRequestsTakeAboutTheTarget() {
    // a system that answers 100 requests a second: with L in flight each takes L / 100 s
    double perSecond = 100;
    for (int i = 1; i <= 100; i++) {
      int admitted = limit.limit();
      limit.admitted(admitted);
      limit.completed((long) (admitted / perSecond * 1e9), i * WINDOW_NANOS);
    }

    assertThat(limit.limit()).isBetween(70, 130);
  }

  @Test
  void shouldRefuseAnInitialLimitOutsideTheBounds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AdmissionLimit(8, 16, 64, TARGET, WINDOW, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min <= initial <= max");
  }
}
