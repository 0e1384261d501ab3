package dev.taxiscale.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class RequestReplyIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final byte[] A_REQUEST = "{\"type\":\"nearby\"}".getBytes(UTF_8);

  @TempDir static Path dataDir;
  static EmbeddedBroker broker;
  static KafkaProducer<String, byte[]> raw;

  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  EchoHandler handler = new EchoHandler(0);
  ReplyClient client;
  List<QueryWorker> workers = new ArrayList<>();
  String group;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(4, 1, (short) 1));
    raw =
        new KafkaProducer<>(
            ClientSettings.producer(broker.bootstrapServers(), "test-raw", Duration.ofSeconds(10)));
  }

  @AfterAll
  static void stopBroker() {
    raw.close();
    broker.close();
  }

  @BeforeEach
  void startClient(TestInfo test) {
    group = "group-" + test.getTestMethod().orElseThrow().getName();
    client = new ReplyClient(broker.bootstrapServers(), "test-gateway", registry);
    client.start();
  }

  @AfterEach
  void stopAll() {
    workers.forEach(QueryWorker::close);
    client.close();
  }

  @Test
  void shouldAnswerARequestWithTheWorkersReply() throws Exception {
    startWorker(handler);

    Reply reply = client.request("cell:1:1", A_REQUEST, TIMEOUT).get(15, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bodyText()).isEqualTo("{\"type\":\"nearby\"}");
  }

  @Test
  void shouldReplyWithAProblemAndDeadLetterARequestThatIsNotJson() throws Exception {
    startWorker(handler);

    Reply reply =
        client.request("cell:1:1", "{oops".getBytes(UTF_8), TIMEOUT).get(15, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.bodyText()).contains("\"field\":\"body\"");
    awaitDeadLetter("not valid JSON");
  }

  @Test
  void shouldDeadLetterARecordWithoutCorrelationIdAndKeepAnswering() throws Exception {
    startWorker(handler);
    raw.send(new ProducerRecord<>(Topics.REQUESTS, "cell:1:1", A_REQUEST)).get();

    Reply reply = client.request("cell:1:1", A_REQUEST, TIMEOUT).get(15, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(200);
    awaitDeadLetter(WireHeaders.CORRELATION_ID);
  }

  @Test
  void shouldDeadLetterAReplyToTopicThatIsNotConfiguredAndKeepAnswering() throws Exception {
    startWorker(handler);
    ProducerRecord<String, byte[]> forged =
        new ProducerRecord<>(Topics.REQUESTS, "cell:1:1", A_REQUEST);
    WireHeaders.put(forged.headers(), WireHeaders.CORRELATION_ID, "forged");
    WireHeaders.put(forged.headers(), WireHeaders.REPLY_TO, "taxiscale.replies.ghost");
    raw.send(forged).get();

    Reply reply = client.request("cell:1:1", A_REQUEST, TIMEOUT).get(15, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(200);
    awaitDeadLetter("'taxiscale.replies.ghost' is not one of the reply topics");
  }

  @Test
  void shouldCarryAReplyFarLargerThanKafkasDefaultRecordLimit() throws Exception {
    byte[] fiveMegabytes = noise(5 * 1024 * 1024);
    startWorker(json -> Reply.ok(fiveMegabytes));

    Reply reply = client.request("cell:1:1", A_REQUEST, TIMEOUT).get(15, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(fiveMegabytes);
  }

  @Test
  void shouldCarryRepliesOnEitherSideOfTheCompressionThreshold() throws Exception {
    byte[] plain = noise(Topics.COMPRESS_REPLIES_ABOVE);
    byte[] compressed = noise(Topics.COMPRESS_REPLIES_ABOVE + 1);
    startWorker(json -> Reply.ok(new String(json, UTF_8).contains("small") ? plain : compressed));

    Reply small = client.request("a", "{\"small\":1}".getBytes(UTF_8), TIMEOUT).get(15, SECONDS);
    Reply large = client.request("b", "{\"large\":1}".getBytes(UTF_8), TIMEOUT).get(15, SECONDS);

    assertThat(small.body()).isEqualTo(plain);
    assertThat(large.body()).isEqualTo(compressed);
  }

  @Test
  void shouldAnswerWithAProblemWhenAReplyIsLargerThanThePipelineCarries() throws Exception {
    byte[] tooLarge = new byte[Topics.MAX_REPLY_BYTES + 1];
    startWorker(json -> Reply.ok(tooLarge));

    Reply reply = client.request("cell:1:1", A_REQUEST, TIMEOUT).get(15, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.bodyText()).contains("narrow the request");
  }

  /** Letters from a seeded generator: compression cannot shrink them below Kafka's limits. */
  private static byte[] noise(int size) {
    byte[] bytes = new byte[size];
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(26));
    }
    return bytes;
  }

  @Test
  void shouldDropRepliesNobodyWaitsFor() throws Exception {
    ProducerRecord<String, byte[]> stray = new ProducerRecord<>(Topics.REPLIES, "x", A_REQUEST);
    WireHeaders.put(stray.headers(), WireHeaders.CORRELATION_ID, "nobody-waits");
    raw.send(stray).get();

    Await.until(TIMEOUT, "the stray reply is dropped", () -> dropped() == 1);
  }

  @Test
  void shouldTimeOutWhenNoWorkerAnswers() {
    CompletableFuture<Reply> reply = client.request("cell:9:9", A_REQUEST, Duration.ofMillis(300));

    assertThat(reply)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void shouldSkipARequestWhoseDeadlineHasPassed() throws Exception {
    startWorker(handler);
    ProducerRecord<String, byte[]> late =
        new ProducerRecord<>(Topics.REQUESTS, "cell:1:1", A_REQUEST);
    WireHeaders.put(late.headers(), WireHeaders.CORRELATION_ID, "too-late");
    WireHeaders.put(late.headers(), WireHeaders.DEADLINE, "1000");
    raw.send(late).get();

    Await.until(
        TIMEOUT, "the late request is skipped", () -> counter("taxiscale.worker.expired") == 1);
    assertThat(handler.handled()).isZero();
  }

  @Test
  void shouldFinishRequestsInFlightAndCommitThemWhenClosedGracefully() throws Exception {
    EchoHandler slow = new EchoHandler(200);
    QueryWorker first = startWorker(slow);
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      replies.add(client.request("cell:" + i + ":0", A_REQUEST, TIMEOUT));
    }
    Await.until(TIMEOUT, "the worker is busy", () -> slow.handled() > 0);

    first.close();
    startWorker(slow);

    for (CompletableFuture<Reply> reply : replies) {
      assertThat(reply.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(slow.handled()).isEqualTo(6);
  }

  private QueryWorker startWorker(RequestHandler echo) {
    WorkerConfig config =
        new WorkerConfig(
            broker.bootstrapServers(),
            group,
            group + "-" + workers.size(),
            4,
            64,
            Duration.ofSeconds(6),
            Duration.ofSeconds(10));
    QueryWorker worker = new QueryWorker(config, echo, registry);
    worker.start();
    workers.add(worker);
    return worker;
  }

  private double dropped() {
    return counter("taxiscale.gateway.replies.dropped");
  }

  private double counter(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private void awaitDeadLetter(String reason) {
    Await.until(
        TIMEOUT,
        "a dead letter mentions " + reason,
        () -> deadLetterReasons().stream().anyMatch(r -> r.contains(reason)));
  }

  private List<String> deadLetterReasons() {
    List<String> reasons = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(ClientSettings.consumer(broker.bootstrapServers(), "test-dlq", null))) {
      TopicPartition only = new TopicPartition(Topics.DEAD_LETTER, 0);
      consumer.assign(List.of(only));
      consumer.seekToBeginning(List.of(only));
      long end = consumer.endOffsets(List.of(only)).get(only);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(only) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          reasons.add(WireHeaders.text(r.headers(), WireHeaders.ERROR));
        }
      }
    }
    return reasons;
  }
}
