package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A plain consumer in the workers' group that reads requests and commits them without answering: as
 * far as the group's membership and lag go, a worker.
 */
public final class GroupMember implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  public GroupMember(String bootstrapServers, String clientId) {
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

  /** Publishes {@code count} requests for the group to read; they are never answered. */
  public static void publishRequests(String bootstrapServers, int count) {
    var settings = ClientSettings.producer(bootstrapServers, "requests", Duration.ofSeconds(30));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
      for (int i = 0; i < count; i++) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.REQUESTS, "area-" + i, body));
      }
      producer.flush();
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5_000);
  }
}
