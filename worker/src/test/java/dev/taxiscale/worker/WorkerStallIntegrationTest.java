package dev.taxiscale.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process is stopped (SIGSTOP) for longer than its session timeout, so that its partitions
 * move to the other worker, which answers what was asked meanwhile; then it is continued (SIGCONT).
 * It still holds its old positions, and must not answer those requests a second time.
 */
class WorkerStallIntegrationTest {
  private static final int PARTITIONS = 4;
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);
  // far longer than the stop: the requester's deadline alone cannot keep the stopped worker quiet
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final byte[] A_REQUEST = "{\"type\":\"nearby\"}".getBytes(UTF_8);

  @TempDir static Path dataDir;
  static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(PARTITIONS, 1, (short) 1));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldNotAnswerAgainForPartitionsLostWhileStopped() throws Exception {
    Process stalled = startEchoWorker("stalled");
    WorkerConfig survivorConfig =
        WorkerConfig.defaults(broker.bootstrapServers())
            .withClientId("worker-survivor")
            .withSessionTimeout(SESSION_TIMEOUT);
    try (QueryWorker survivor =
            new QueryWorker(survivorConfig, new EchoHandler(0), new SimpleMeterRegistry());
        ReplyClient client =
            new ReplyClient(broker.bootstrapServers(), "stall-test", new SimpleMeterRegistry());
        Admin admin =
            Admin.create(ClientSettings.admin(broker.bootstrapServers(), "stall-admin"))) {
      survivor.start();
      client.start();
      awaitWorkersWithPartitions(admin, 2);
      answerAll(client, "before", 40);
      // answered and not yet committed, a request is answered again by the next owner by design
      awaitEverythingCommitted(admin);

      signal(stalled, "STOP");
      awaitWorkersWithPartitions(admin, 1);
      answerAll(client, "while-stopped", 200);

      signal(stalled, "CONT");
      awaitWorkersWithPartitions(admin, 2);
      answerAll(client, "after", 40);

      assertThat(repliedMoreThanOnce()).as("replies per correlation id, beyond one").isEmpty();
    } finally {
      signal(stalled, "CONT");
      stalled.destroy();
      stalled.waitFor(15, TimeUnit.SECONDS);
    }
  }

  private static void answerAll(ReplyClient client, String round, int requests) throws Exception {
    List<CompletableFuture<?>> replies = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      replies.add(client.request(round + "-" + i, A_REQUEST, REQUEST_TIMEOUT));
    }
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
  }

  /** Correlation ids with more than one reply record on the reply topic, and their counts. */
  private static Map<String, Integer> repliedMoreThanOnce() {
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            ClientSettings.consumer(broker.bootstrapServers(), "stall-test-replies", null))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.REPLIES).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Await.until(
          Duration.ofSeconds(30),
          "every reply is read",
          () -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
              counts.merge(
                  WireHeaders.text(r.headers(), WireHeaders.CORRELATION_ID), 1, Integer::sum);
            }
            return ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
          });
    }
    counts.values().removeIf(n -> n < 2);
    return counts;
  }

  private static void awaitEverythingCommitted(Admin admin) {
    Await.until(
        Duration.ofSeconds(120),
        "the workers commit what they answered",
        () -> uncommitted(admin) == 0);
  }

  /** Request records beyond the group's committed offsets, or -1 when the broker did not say. */
  private static long uncommitted(Admin admin) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(Topics.WORKER_GROUP)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(Topics.REQUESTS, p), OffsetSpec.latest());
      }
      long behind = 0;
      for (var end : admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        behind += end.getValue().offset() - (at == null ? 0 : at.offset());
      }
      return behind;
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void awaitWorkersWithPartitions(Admin admin, int workers) {
    Await.until(
        Duration.ofSeconds(120),
        workers + " workers own partitions",
        () -> {
          ConsumerGroupDescription group = WorkerJvms.describe(admin);
          return group != null
              && group.members().size() == workers
              && group.members().stream()
                  .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
        });
  }

  private static void signal(Process process, String signal) throws Exception {
    int exit =
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
    assertThat(exit).as("kill -%s", signal).isZero();
  }

  private static Process startEchoWorker(String id) throws IOException {
    return WorkerJvms.start(
        EchoWorkerMain.class,
        id,
        broker.bootstrapServers(),
        Map.of(WorkerConfig.ENV_SESSION_TIMEOUT, String.valueOf(SESSION_TIMEOUT.toMillis())));
  }
}
