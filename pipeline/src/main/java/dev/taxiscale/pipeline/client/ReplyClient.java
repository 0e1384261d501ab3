package dev.taxiscale.pipeline.client;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requesting side of the pipeline: publishes a request with a correlation id and completes its
 * future when the reply with that id arrives on {@link Topics#REPLIES}. Thread-safe.
 */
public final class ReplyClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyClient.class);

  /**
   * A healthy broker takes a record within milliseconds; one that has not after this long is gone,
   * and the requester gets a 503 instead of waiting for its whole timeout.
   */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(2);

  private final String bootstrapServers;
  private final String clientId;
  private final MeterRegistry registry;
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong sequence = new AtomicLong();
  private PendingReplies pending;
  private KafkaProducer<String, byte[]> producer;
  private KafkaConsumer<String, byte[]> consumer;
  private BrokerWatch watch;
  private Thread pollThread;
  private volatile boolean running;

  /**
   * @param clientId names this client's Kafka connections, e.g. {@code taxiscale-gateway-1}
   */
  public ReplyClient(String bootstrapServers, String clientId, MeterRegistry registry) {
    this.bootstrapServers = bootstrapServers;
    this.clientId = clientId;
    this.registry = registry;
  }

  /**
   * Connects and starts reading replies from now on; returns once it reads, so that no reply to a
   * request sent after this call is missed.
   */
  public synchronized void start() {
    pending = new PendingReplies(registry);
    producer =
        new KafkaProducer<>(
            ClientSettings.producer(bootstrapServers, clientId + "-requests", DELIVERY_TIMEOUT));
    new KafkaClientMetrics(producer).bindTo(registry);
    consumer =
        new KafkaConsumer<>(ClientSettings.consumer(bootstrapServers, clientId + "-replies", null));
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.REPLIES, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // resolve the positions now: a lazy seek could land after the first replies
    partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
    watch = new BrokerWatch(bootstrapServers, clientId + "-health");
    watch.start();
    running = true;
    pollThread = new Thread(this::pollReplies, clientId + "-replies");
    pollThread.setDaemon(true);
    pollThread.start();
  }

  /**
   * Publishes a request; the future completes with its reply, or exceptionally with a {@link
   * java.util.concurrent.TimeoutException} after {@code timeout} or a {@link
   * BrokerUnavailableException} when Kafka cannot take it.
   *
   * @param key the record key, normally {@link dev.taxiscale.pipeline.RequestKey}
   */
  public CompletableFuture<Reply> request(String key, byte[] requestJson, Duration timeout) {
    return request(key, requestJson, timeout, instance + "-" + sequence.incrementAndGet());
  }

  /**
   * The same with a correlation id chosen by the caller, such as the parts of one ride request that
   * share its id; the id must be unique among the requests awaiting a reply.
   */
  public CompletableFuture<Reply> request(
      String key, byte[] requestJson, Duration timeout, String correlationId) {
    if (!running) {
      return CompletableFuture.failedFuture(new BrokerUnavailableException("client stopped", null));
    }
    if (!watch.available()) {
      return CompletableFuture.failedFuture(
          new BrokerUnavailableException("Kafka at " + bootstrapServers + " is unreachable", null));
    }
    CompletableFuture<Reply> reply = pending.await(correlationId, timeout);
    try {
      producer.send(
          requestRecord(correlationId, key, requestJson, timeout),
          (metadata, e) -> {
            if (e != null) {
              failed(reply, e);
            }
          });
    } catch (RuntimeException e) {
      failed(reply, e);
    }
    return reply;
  }

  private static ProducerRecord<String, byte[]> requestRecord(
      String correlationId, String key, byte[] body, Duration timeout) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REQUESTS, key, body);
    WireHeaders.put(record.headers(), WireHeaders.CORRELATION_ID, correlationId);
    WireHeaders.put(record.headers(), WireHeaders.REPLY_TO, Topics.REPLIES);
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    WireHeaders.put(record.headers(), WireHeaders.DEADLINE, String.valueOf(deadline));
    WireHeaders.put(record.headers(), WireHeaders.SENT_AT, String.valueOf(WireHeaders.nowMicros()));
    return record;
  }

  private void failed(CompletableFuture<Reply> reply, Throwable e) {
    watch.sendFailed(e);
    reply.completeExceptionally(
        new BrokerUnavailableException("Kafka did not take the request: " + e.getMessage(), e));
  }

  private void pollReplies() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          pending.deliver(record);
        }
      }
    } catch (WakeupException e) {
      // close() is stopping the client
    } catch (RuntimeException e) {
      log.error("reply consumer {} stopped", clientId, e);
    }
  }

  /** Whether the broker answered its last probe and the reply reader runs. */
  public boolean ready() {
    return running && watch.available() && pollThread.isAlive();
  }

  /** Requests published and not yet answered. */
  public int awaiting() {
    return pending.size();
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    consumer.wakeup();
    try {
      pollThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pending.failAll(new BrokerUnavailableException("client stopped", null));
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    producer.close(Duration.ofSeconds(2));
    watch.close();
  }
}
