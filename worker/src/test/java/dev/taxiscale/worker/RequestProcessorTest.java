package dev.taxiscale.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RequestProcessorTest {
  private static final long FIVE_SECONDS_MICROS = Duration.ofSeconds(5).toNanos() / 1_000;

  /** A request record made at {@code timestampMillis}, as the broker stamps it. */
  private static ConsumerRecord<String, byte[]> requestAt(long timestampMillis) {
    return new ConsumerRecord<>(
        Topics.REQUESTS,
        0,
        0,
        timestampMillis,
        TimestampType.CREATE_TIME,
        0,
        0,
        "key",
        new byte[0],
        new RecordHeaders(),
        Optional.empty());
  }

  @Test
  void transitCountsFromTheSendTheGatewayStamped() {
    ConsumerRecord<String, byte[]> record = requestAt(0);
    WireHeaders.put(
        record.headers(),
        WireHeaders.SENT_AT,
        String.valueOf(WireHeaders.nowMicros() - FIVE_SECONDS_MICROS));

    assertThat(RequestProcessor.transitMicros(record))
        .isBetween(FIVE_SECONDS_MICROS, FIVE_SECONDS_MICROS + 60_000_000L);
  }

  @Test
  void withoutAStampTransitCountsFromTheRecordsTimestamp() {
    long fiveSecondsAgo = System.currentTimeMillis() - 5_000;

    assertThat(RequestProcessor.transitMicros(requestAt(fiveSecondsAgo)))
        .isBetween(FIVE_SECONDS_MICROS, FIVE_SECONDS_MICROS + 60_000_000L);
  }
}
