package dev.taxiscale.bench.chaos;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads every reply the workers send, as the gateway does, and hands each correlation id to the
 * phase running now, so that a request answered twice shows up however the gateway copes with it.
 */
final class ReplyWatch implements AutoCloseable {
  /** Forged replies carry ids with this prefix, so that they never count as the workers'. */
  static final String FORGED = "chaos-forged-";

  private final KafkaConsumer<String, byte[]> consumer;
  private final Supplier<ChaosTally> current;
  private final Thread thread;
  private volatile boolean running = true;

  ReplyWatch(String bootstrapServers, Supplier<ChaosTally> current) {
    this.current = current;
    this.consumer =
        new KafkaConsumer<>(ClientSettings.consumer(bootstrapServers, "taxiscale-chaos", null));
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.REPLIES, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
    this.thread = new Thread(this::run, "chaos-replies");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String id = WireHeaders.text(r.headers(), WireHeaders.CORRELATION_ID);
          if (id != null && !id.startsWith(FORGED)) {
            current.get().reply(id);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
