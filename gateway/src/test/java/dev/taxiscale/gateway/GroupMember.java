package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A plain consumer in the workers' group that reads requests and commits them without answering: as
 * far as the group's membership and lag go, a worker.
 */
final class GroupMember implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  GroupMember(String bootstrapServers, String clientId) {
    consumer =
        new KafkaConsumer<>(
            ClientSettings.consumer(bootstrapServers, clientId, Topics.WORKER_GROUP));
    thread = new Thread(this::run, clientId);
    thread.start();
  }

  private void run() {
    consumer.subscribe(List.of(Topics.REQUESTS));
    try {
      while (true) {
        if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      // close() asked to stop
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5_000);
  }
}
