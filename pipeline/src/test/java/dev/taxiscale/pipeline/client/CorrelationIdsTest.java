package dev.taxiscale.pipeline.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class CorrelationIdsTest {
  private static final int PARTITIONS = 24;

  @Test
  void shouldSpreadOneClientsRequestsEvenlyOverThePartitionsAsKeys() {
    CorrelationIds ids = new CorrelationIds("a1b2c3d4");
    int[] perPartition = new int[PARTITIONS];

    for (int i = 0; i < 100 * PARTITIONS; i++) {
      byte[] key = ids.next().getBytes(StandardCharsets.UTF_8);
      perPartition[BuiltInPartitioner.partitionForKey(key, PARTITIONS)]++;
    }

    // a mean of 100 per partition; the busiest may not take 30% more
    assertThat(Arrays.stream(perPartition).max().orElseThrow()).isLessThanOrEqualTo(130);
  }

  @Test
  void shouldNeverRepeatAnId() {
    CorrelationIds ids = new CorrelationIds("a1b2c3d4");

    assertThat(ids.next()).isNotEqualTo(ids.next());
  }
}
