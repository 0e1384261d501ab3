package dev.taxiscale.worker;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.RequestHandler;
import dev.taxiscale.pipeline.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of the worker group: takes requests from its partitions, runs them on a bounded pool,
 * sends each reply and only then commits its offset (at-least-once). {@link #close()} stops
 * fetching, finishes the requests in flight, commits and leaves the group.
 */
public final class QueryWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QueryWorker.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * How often answered offsets are committed under load. A commit is a broker round trip of its
   * own; committing after every poll would cost one per handful of requests. A worker that dies
   * between commits leaves at most this much answered work to be answered again, which replies'
   * correlation ids make harmless.
   */
  private static final long COMMIT_EVERY_NANOS = Duration.ofMillis(100).toNanos();

  private final WorkerConfig config;
  private final RequestHandler handler;
  private final MeterRegistry registry;
  private final OffsetTracker offsets = new OffsetTracker();
  private final Ownership ownership;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, byte[]> producer;
  private KafkaProducer<String, byte[]> largeProducer;
  private ExecutorService pool;
  private RequestProcessor processor;
  private WorkerMetrics metrics;
  private Thread pollThread;
  private long lastCommit;

  public QueryWorker(WorkerConfig config, RequestHandler handler, MeterRegistry registry) {
    this.config = config;
    this.handler = handler;
    this.registry = registry;
    this.ownership = new Ownership(WorkerSettings.heartbeatInterval(config));
  }

  /** Connects, joins the group and starts taking requests; returns at once. */
  public synchronized void start() {
    if (pollThread != null) {
      throw new IllegalStateException("worker " + config.clientId() + " was already started");
    }
    metrics = new WorkerMetrics(registry, config.clientId(), inFlight::get);
    producer =
        new KafkaProducer<>(
            ClientSettings.producer(
                config.bootstrapServers(), config.clientId() + "-replies", Duration.ofMinutes(2)));
    largeProducer =
        new KafkaProducer<>(
            ClientSettings.largeReplyProducer(
                config.bootstrapServers(),
                config.clientId() + "-large-replies",
                Duration.ofMinutes(2)));
    consumer = new KafkaConsumer<>(WorkerSettings.consumer(config));
    new KafkaClientMetrics(consumer).bindTo(registry);
    processor =
        new RequestProcessor(
            handler,
            producer,
            largeProducer,
            metrics,
            Topics.replyTopics(System.getenv()),
            ownership);
    pool = WorkerSettings.pool(config);
    running.set(true);
    pollThread = new Thread(this::run, config.clientId() + "-poll");
    pollThread.start();
    log.info("worker {} started with {} threads", config.clientId(), config.concurrency());
  }

  private void run() {
    try {
      Rebalance rebalance = new Rebalance(consumer, offsets, ownership);
      consumer.subscribe(List.of(Topics.REQUESTS), rebalance);
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (rebalance.admit(records)) {
          dispatch(records);
          applyBackpressure();
        }
        commitAdvanced();
      }
    } catch (WakeupException e) {
      // close() woke the poll up: fall through to the graceful stop
    } catch (RuntimeException e) {
      log.error("worker {} stopped on an unexpected error", config.clientId(), e);
    } finally {
      drainAndLeave();
      stopped.countDown();
    }
  }

  private void dispatch(ConsumerRecords<String, byte[]> records) {
    for (ConsumerRecord<String, byte[]> record : records) {
      TopicPartition tp = new TopicPartition(record.topic(), record.partition());
      OffsetTracker.Partition partition = offsets.dispatched(tp, record.offset());
      inFlight.incrementAndGet();
      metrics.transit(RequestProcessor.transitMicros(record));
      long queuedAt = System.nanoTime();
      pool.execute(
          () -> {
            metrics.queued(System.nanoTime() - queuedAt);
            processor
                .process(record)
                .whenComplete(
                    (ok, e) -> {
                      if (e != null) {
                        metrics.replyFailed();
                        log.warn(
                            "no reply sent for offset {} of {}: {}",
                            record.offset(),
                            tp,
                            e.toString());
                      }
                      partition.completed(record.offset());
                      inFlight.decrementAndGet();
                    });
          });
    }
  }

  /** Past maxInFlight stop fetching, so queued requests do not pile up behind a slow database. */
  private void applyBackpressure() {
    int queued = inFlight.get();
    if (queued >= config.maxInFlight()) {
      consumer.pause(consumer.assignment());
    } else if (queued <= config.maxInFlight() / 2 && !consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private void commitAdvanced() {
    long now = System.nanoTime();
    if (now - lastCommit < COMMIT_EVERY_NANOS) {
      return;
    }
    lastCommit = now;
    Map<TopicPartition, OffsetAndMetadata> advanced = offsets.advanced();
    if (!advanced.isEmpty()) {
      consumer.commitAsync(
          advanced,
          (committed, e) -> {
            if (e != null) {
              log.debug("commit failed, a later one will cover it: {}", e.toString());
            }
          });
    }
  }

  private void drainAndLeave() {
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      // the partitions are still this worker's until the consumer closes
      ownership.turn();
      sleepBriefly();
    }
    try {
      consumer.commitSync(offsets.positions(consumer.assignment()), Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      log.warn("final commit of worker {} failed: {}", config.clientId(), e.toString());
    }
    // closing the consumer leaves the group, so its partitions move at once
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    pool.shutdown();
    awaitQuietly(pool);
    producer.close(Duration.ofSeconds(5));
    largeProducer.close(Duration.ofSeconds(5));
    log.info("worker {} stopped", config.clientId());
  }

  /** Whether the worker is taking requests. */
  public boolean isRunning() {
    return running.get() && stopped.getCount() > 0;
  }

  /** Requests taken and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      thread = pollThread;
    }
    if (thread == null || !running.getAndSet(false)) {
      return;
    }
    consumer.wakeup();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
