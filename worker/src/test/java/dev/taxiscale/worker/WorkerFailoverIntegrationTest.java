package dev.taxiscale.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import dev.taxiscale.pipeline.client.ReplyClient;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes under steady load; one is killed with SIGKILL. Every request must end in its
 * reply or an explicit timeout, and answers must keep coming once the survivor owns all partitions.
 */
class WorkerFailoverIntegrationTest {
  private static final String NEARBY_TIMES_SQUARE =
      "{\"type\":\"nearby\",\"point\":{\"lon\":-73.9855,\"lat\":40.758},"
          + "\"time\":\"2014-01-09T21:00:00\"}";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);
  private static final int CLIENTS = 8;

  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();
  @TempDir static Path dataDir;
  static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir));
    TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(4, 1, (short) 1));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldAnswerEveryRequestOrTimeItOutWhenAWorkerIsKilled() throws Exception {
    Process doomed = startWorker("doomed");
    Process survivor = startWorker("survivor");
    try (ReplyClient client =
        new ReplyClient(broker.bootstrapServers(), "failover-test", new SimpleMeterRegistry())) {
      client.start();
      awaitGroupMembers(2);
      Load load = new Load(client);
      load.start();
      Await.until(Duration.ofSeconds(30), "answers flow", () -> load.answered() > 200);

      doomed.destroyForcibly().waitFor();
      long answeredAtKill = load.answered();
      awaitGroupMembers(1);
      long answeredAfterRebalance = load.answered();
      Await.until(
          Duration.ofSeconds(30),
          "answers flow again after the rebalance",
          () -> load.answered() > answeredAfterRebalance + 200);
      load.stop();

      assertThat(load.failures()).isEmpty();
      assertThat(load.answered() + load.timedOut()).isEqualTo(load.sent());
      assertThat(load.answered()).isGreaterThan(answeredAtKill);
    } finally {
      doomed.destroyForcibly();
      survivor.destroy();
      survivor.waitFor(15, TimeUnit.SECONDS);
    }
  }

  private static Process startWorker(String id) throws IOException {
    return WorkerJvms.start(
        WorkerMain.class,
        id,
        broker.bootstrapServers(),
        Map.of(
            DbConfig.ENV_JDBC_URL, postgres.jdbcUrl(),
            DbConfig.ENV_USER, postgres.config().user(),
            DbConfig.ENV_PASSWORD, postgres.config().password(),
            WorkerConfig.ENV_CONCURRENCY, "2",
            WorkerConfig.ENV_SESSION_TIMEOUT, "3000"));
  }

  private static void awaitGroupMembers(int members) {
    try (Admin admin =
        Admin.create(ClientSettings.admin(broker.bootstrapServers(), "failover-admin"))) {
      Await.until(
          Duration.ofSeconds(60),
          members + " workers in the group",
          () -> groupSize(admin) == members);
    }
  }

  private static int groupSize(Admin admin) {
    ConsumerGroupDescription group = WorkerJvms.describe(admin);
    return group == null ? -1 : group.members().size();
  }

  /** Closed-loop clients: each sends a request, waits for its outcome, sends the next. */
  private static final class Load {
    private final ReplyClient client;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private volatile boolean running = true;

    Load(ReplyClient client) {
      this.client = client;
    }

    void start() {
      for (int i = 0; i < CLIENTS; i++) {
        String key = "cell:" + i + ":0";
        Thread thread = new Thread(() -> loop(key), "load-" + i);
        threads.add(thread);
        thread.start();
      }
    }

    private void loop(String key) {
      byte[] body = NEARBY_TIMES_SQUARE.getBytes(UTF_8);
      while (running) {
        sent.incrementAndGet();
        try {
          Reply reply = client.request(key, body, REQUEST_TIMEOUT).get();
          if (reply.status() == 200) {
            answered.incrementAndGet();
          } else {
            failures.add(new AssertionError("status " + reply.status() + ": " + reply.bodyText()));
          }
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TimeoutException) {
            timedOut.incrementAndGet();
          } else {
            failures.add(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread thread : threads) {
        thread.join();
      }
    }

    long sent() {
      return sent.get();
    }

    long answered() {
      return answered.get();
    }

    long timedOut() {
      return timedOut.get();
    }

    List<Throwable> failures() {
      return List.copyOf(failures);
    }
  }
}
