package dev.taxiscale.pipeline.client;

import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.WireHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The requests waiting for replies, by correlation id. A reply completes its request once; replies
 * nobody waits for (duplicates, answers after a timeout) are counted and dropped.
 */
final class PendingReplies {
  private static final int COMPLETION_THREADS = 4;

  private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
  private final ExecutorService completions = completionPool();
  private final Counter dropped;
  private final Timer transit;

  PendingReplies(MeterRegistry registry) {
    dropped =
        Counter.builder("taxiscale.gateway.replies.dropped")
            .description("Replies nobody waited for: duplicates or answers after a timeout")
            .register(registry);
    transit =
        Timer.builder("taxiscale.kafka.transit")
            .description("Time from send to receipt of a record")
            .tag("leg", "reply")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(100_000))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    Gauge.builder("taxiscale.gateway.awaiting.reply", pending, Map::size)
        .description("Requests published and not yet answered")
        .register(registry);
  }

  /** Starts waiting for {@code correlationId}; the future forgets it once completed. */
  CompletableFuture<Reply> await(String correlationId, Duration timeout) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    pending.put(correlationId, reply);
    reply.whenComplete((r, e) -> pending.remove(correlationId));
    reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return reply;
  }

  /** Completes the request a reply record answers, or drops the record. */
  void deliver(ConsumerRecord<String, byte[]> record) {
    long sentAt = WireHeaders.number(record.headers(), WireHeaders.SENT_AT, -1);
    if (sentAt > 0) {
      transit.record(WireHeaders.nowMicros() - sentAt, TimeUnit.MICROSECONDS);
    }
    String correlationId = WireHeaders.text(record.headers(), WireHeaders.CORRELATION_ID);
    CompletableFuture<Reply> waiting = correlationId == null ? null : pending.remove(correlationId);
    if (waiting == null) {
      dropped.increment();
      return;
    }
    int status = (int) WireHeaders.number(record.headers(), WireHeaders.STATUS, 500);
    Reply reply = new Reply(status, record.value() == null ? new byte[0] : record.value());
    // whoever waits (an HTTP response write) runs on the completing thread: keep it off the poller
    completions.execute(() -> waiting.complete(reply));
  }

  int size() {
    return pending.size();
  }

  /** Fails every request still waiting. */
  void failAll(RuntimeException reason) {
    pending.values().forEach(f -> f.completeExceptionally(reason));
    completions.shutdown();
  }

  private static ExecutorService completionPool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        COMPLETION_THREADS,
        r -> {
          Thread thread = new Thread(r, "taxiscale-reply-dispatch-" + n.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
