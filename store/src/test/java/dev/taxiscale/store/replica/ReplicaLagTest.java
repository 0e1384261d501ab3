package dev.taxiscale.store.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicaLagTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void shouldBeZeroBehindWhenStreamingWithNothingLeftToReplay() {
    ReplicaLag lag = ReplicaLag.of(true, 0, Duration.ofMinutes(5));

    assertThat(lag.behind()).isEqualTo(Duration.ZERO);
  }

  @Test
  void shouldBeTheAgeOfTheLastReplayedCommitWhenReplayTrails() {
    ReplicaLag lag = ReplicaLag.of(true, 8192, TEN_SECONDS);

    assertThat(lag.behind()).isEqualTo(TEN_SECONDS);
    assertThat(lag.within(Duration.ofSeconds(5))).isFalse();
  }

  @Test
  void shouldNotClaimAnyBoundWithoutAWalReceiver() {
    ReplicaLag lag = ReplicaLag.of(false, 0, Duration.ZERO);

    assertThat(lag.state()).isEqualTo(ReplicaLag.State.DISCONNECTED);
    assertThat(lag.within(Duration.ofDays(365))).isFalse();
  }
}
