package dev.taxiscale.worker;

import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request record: runs the handler and sends the reply; records that cannot be answered
 * as asked also go to the dead-letter topic. A reply is sent only while the requester still waits
 * and this worker still owns the request's partition. The returned future completes once the broker
 * holds every record sent, which is when the request's offset may be committed. Replies above
 * {@link Topics#COMPRESS_REPLIES_ABOVE} go through a producer that compresses, the others through
 * one that does not.
 */
final class RequestProcessor {
  private static final Logger log = LoggerFactory.getLogger(RequestProcessor.class);
  private static final long OWNERSHIP_RECHECK_MILLIS = 5;

  private final RequestHandler handler;
  private final Producer<String, byte[]> producer;
  private final Producer<String, byte[]> largeProducer;
  private final WorkerMetrics metrics;
  private final Set<String> replyTopics;
  private final Ownership ownership;

  RequestProcessor(
      RequestHandler handler,
      Producer<String, byte[]> producer,
      Producer<String, byte[]> largeProducer,
      WorkerMetrics metrics,
      Set<String> replyTopics,
      Ownership ownership) {
    this.handler = handler;
    this.producer = producer;
    this.largeProducer = largeProducer;
    this.metrics = metrics;
    this.replyTopics = Set.copyOf(replyTopics);
    this.ownership = ownership;
  }

  CompletableFuture<Void> process(ConsumerRecord<String, byte[]> record) {
    String correlationId = WireHeaders.text(record.headers(), WireHeaders.CORRELATION_ID);
    String replyTo = WireHeaders.text(record.headers(), WireHeaders.REPLY_TO);
    if (replyTo == null) {
      replyTo = Topics.REPLIES;
    }
    if (correlationId == null) {
      return deadLetter(record, "missing header " + WireHeaders.CORRELATION_ID);
    }
    if (!replyTopics.contains(replyTo)) {
      return deadLetter(
          record, "reply-to topic '" + replyTo + "' is not one of the reply topics " + replyTopics);
    }
    long deadline = WireHeaders.number(record.headers(), WireHeaders.DEADLINE, Long.MAX_VALUE);
    if (expired(deadline)) {
      // the requester has given up: answering would only slow down the requests behind it
      return CompletableFuture.completedFuture(null);
    }
    Reply reply = answer(record.value(), correlationId, deadline);
    CompletableFuture<Void> replied =
        stillAnswerable(record, deadline)
            ? reply(replyTo, correlationId, reply)
            : CompletableFuture.completedFuture(null);
    if (reply.status() == 400) {
      return CompletableFuture.allOf(replied, deadLetter(record, reply.bodyText()));
    }
    return replied;
  }

  private boolean expired(long deadline) {
    if (System.currentTimeMillis() > deadline) {
      metrics.expired();
      return true;
    }
    return false;
  }

  /**
   * Whether the reply is still wanted and this worker still the one to give it: the handler may
   * have run past the requester's deadline, or the worker may have been stopped meanwhile and its
   * partition given to another worker, which answers the request again. While the worker cannot
   * tell ({@link Ownership}), this waits for the poll thread to find out.
   */
  private boolean stillAnswerable(ConsumerRecord<String, byte[]> record, long deadline) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    while (!ownership.mayReply(partition)) {
      if (!ownership.owns(partition)) {
        metrics.withheld();
        return false;
      }
      if (expired(deadline)) {
        return false;
      }
      try {
        Thread.sleep(OWNERSHIP_RECHECK_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        metrics.withheld();
        return false;
      }
    }
    return !expired(deadline);
  }

  /** Sends {@code reply}, or, should it still be too large for Kafka, a 422 saying so. */
  private CompletableFuture<Void> reply(String replyTo, String correlationId, Reply reply) {
    String topic = replyTo;
    return send(replyRecord(topic, correlationId, reply))
        .exceptionallyCompose(
            e ->
                e instanceof RecordTooLargeException
                    ? send(replyRecord(topic, correlationId, tooLarge(reply)))
                    : CompletableFuture.failedFuture(e));
  }

  private static Reply tooLarge(Reply reply) {
    return Reply.of(
        Problem.refused(
            null,
            "the answer has "
                + reply.body().length
                + " bytes, more than the pipeline carries: narrow the request"
                + " (a heatmap: lower the resolution, shrink the box or shorten the window)"));
  }

  private Reply answer(byte[] body, String correlationId, long deadline) {
    long start = System.nanoTime();
    Reply reply;
    if (body == null || body.length == 0) {
      reply = Reply.of(Problem.invalid("body", "is empty: send one JSON object with a type field"));
    } else {
      reply = handleSafely(body, correlationId, Instant.ofEpochMilli(deadline));
    }
    metrics.handled(reply.status(), System.nanoTime() - start);
    return reply;
  }

  private Reply handleSafely(byte[] body, String correlationId, Instant deadline) {
    try {
      return handler.handle(body, correlationId, deadline);
    } catch (RuntimeException e) {
      log.error("request handler failed", e);
      return Reply.of(
          Problem.internal("the worker failed to answer: " + e.getClass().getSimpleName()));
    }
  }

  private static ProducerRecord<String, byte[]> replyRecord(
      String topic, String correlationId, Reply reply) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, correlationId, reply.body());
    WireHeaders.put(record.headers(), WireHeaders.CORRELATION_ID, correlationId);
    WireHeaders.put(record.headers(), WireHeaders.STATUS, String.valueOf(reply.status()));
    WireHeaders.put(record.headers(), WireHeaders.SENT_AT, String.valueOf(WireHeaders.nowMicros()));
    return record;
  }

  private CompletableFuture<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    metrics.deadLetter();
    log.warn(
        "dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(
            Topics.DEAD_LETTER,
            null,
            record.key(),
            record.value(),
            new RecordHeaders(record.headers().toArray()));
    WireHeaders.put(letter.headers(), WireHeaders.ERROR, reason);
    return send(letter);
  }

  private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      byte[] value = record.value();
      boolean large = value != null && value.length > Topics.COMPRESS_REPLIES_ABOVE;
      (large ? largeProducer : producer)
          .send(
              record,
              (metadata, e) -> {
                if (e == null) {
                  sent.complete(null);
                } else {
                  sent.completeExceptionally(e);
                }
              });
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    return sent;
  }

  /**
   * Microseconds from the request's send to now; taken as the poll hands the record over, so that
   * the wait for a query thread counts as queueing, not as transit.
   */
  static long transitMicros(ConsumerRecord<String, byte[]> record) {
    long micros = WireHeaders.number(record.headers(), WireHeaders.SENT_AT, -1);
    return WireHeaders.nowMicros() - (micros > 0 ? micros : record.timestamp() * 1_000);
  }
}
