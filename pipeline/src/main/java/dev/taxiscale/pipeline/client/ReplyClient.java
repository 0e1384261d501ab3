package dev.taxiscale.pipeline.client;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
  private final Supplier<Optional<WorkerGroupReading>> workerGroup;
  private final CorrelationIds ids = new CorrelationIds();
  private PendingReplies pending;
  private RequestRouter router;
  private KafkaProducer<String, byte[]> producer;
  private KafkaConsumer<String, byte[]> consumer;
  private BrokerWatch watch;
  private Thread pollThread;
  private volatile boolean running;

  /**
   * @param clientId names this client's Kafka connections, e.g. {@code taxiscale-gateway-1}
   */
  public ReplyClient(String bootstrapServers, String clientId, MeterRegistry registry) {
    this(bootstrapServers, clientId, registry, Optional::empty);
  }

  /**
   * A client that routes each request to the less busy of two workers of {@code workerGroup} (see
   * {@link RequestRouter}).
   *
   * @param workerGroup the workers' group as last read, such as {@link WorkerGroupWatch#current}
   */
  public ReplyClient(
      String bootstrapServers,
      String clientId,
      MeterRegistry registry,
      Supplier<Optional<WorkerGroupReading>> workerGroup) {
    this.bootstrapServers = bootstrapServers;
    this.clientId = clientId;
    this.registry = registry;
    this.workerGroup = workerGroup;
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
    int requestPartitions = consumer.partitionsFor(Topics.REQUESTS, Duration.ofSeconds(30)).size();
    router = new RequestRouter(Math.max(1, requestPartitions), workerGroup);
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
   * @param key the record key; any key works, the partition follows its hash
   */
  public CompletableFuture<Reply> request(String key, byte[] requestJson, Duration timeout) {
    return request(key, requestJson, timeout, ids.next());
  }

  /**
   * Publishes a request to the partition {@link RequestRouter} chooses, keyed by its own
   * correlation id: workers keep no state between requests, so nothing ties a request to a worker.
   */
  public CompletableFuture<Reply> request(byte[] requestJson, Duration timeout) {
    return requestAll(List.of(requestJson), List.of(ids.next()), timeout).get(0);
  }

  /**
   * Publishes requests that belong together, such as the parts of one ride request, each to a
   * different worker as far as there are workers, so that they run at once.
   *
   * @param correlationIds one per request, unique among the requests awaiting a reply
   */
  public List<CompletableFuture<Reply>> requestAll(
      List<byte[]> requestJsons, List<String> correlationIds, Duration timeout) {
    if (requestJsons.size() != correlationIds.size()) {
      throw new IllegalArgumentException("one correlation id per request");
    }
    int[] partitions = running ? router.choose(requestJsons.size()) : new int[0];
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < requestJsons.size(); i++) {
      String id = correlationIds.get(i);
      if (partitions.length == 0) {
        replies.add(send(null, id, id, requestJsons.get(i), timeout));
        continue;
      }
      int partition = partitions[i];
      CompletableFuture<Reply> reply = send(partition, id, id, requestJsons.get(i), timeout);
      reply.whenComplete((r, e) -> router.answered(partition));
      replies.add(reply);
    }
    return replies;
  }

  /**
   * The same with a correlation id chosen by the caller and the partition following the hash of
   * {@code key}; the id must be unique among the requests awaiting a reply.
   */
  public CompletableFuture<Reply> request(
      String key, byte[] requestJson, Duration timeout, String correlationId) {
    return send(null, correlationId, key, requestJson, timeout);
  }

  private CompletableFuture<Reply> send(
      Integer partition, String correlationId, String key, byte[] requestJson, Duration timeout) {
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
          requestRecord(partition, correlationId, key, requestJson, timeout),
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
      Integer partition, String correlationId, String key, byte[] body, Duration timeout) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.REQUESTS, partition, key, body);
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
