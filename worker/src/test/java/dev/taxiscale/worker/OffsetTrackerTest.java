package dev.taxiscale.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private static final TopicPartition FIRST = new TopicPartition("requests", 0);

  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void shouldCommitNothingPastTheOldestUnansweredRequest() {
    OffsetTracker.Partition p = tracker.dispatched(FIRST, 10);
    tracker.dispatched(FIRST, 11);
    tracker.dispatched(FIRST, 12);

    p.completed(11);
    p.completed(12);

    assertThat(tracker.advanced()).containsEntry(FIRST, new OffsetAndMetadata(10));
  }

  @Test
  void shouldCommitPastTheLastRequestWhenAllAreAnswered() {
    OffsetTracker.Partition p = tracker.dispatched(FIRST, 10);
    tracker.dispatched(FIRST, 11);

    p.completed(11);
    p.completed(10);

    assertThat(tracker.advanced()).containsEntry(FIRST, new OffsetAndMetadata(12));
  }

  @Test
  void shouldReportAPositionOnlyOnceUntilItMovesAgain() {
    tracker.dispatched(FIRST, 10).completed(10);
    tracker.advanced();

    assertThat(tracker.advanced()).isEmpty();
  }

  @Test
  void shouldIgnoreCompletionsOfForgottenPartitions() {
    OffsetTracker.Partition p = tracker.dispatched(FIRST, 10);
    tracker.forget(List.of(FIRST));

    p.completed(10);

    assertThat(tracker.pending()).isZero();
    assertThat(tracker.positions(List.of(FIRST))).isEmpty();
  }
}
