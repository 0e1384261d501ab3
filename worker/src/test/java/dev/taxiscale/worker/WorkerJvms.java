package dev.taxiscale.worker;

import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/** Workers as JVMs of their own and the consumer group they form, as the failure tests use them. */
final class WorkerJvms {
  private WorkerJvms() {}

  /**
   * Starts {@code main} on this JVM's class path as worker {@code worker-ID} of the broker at
   * {@code bootstrap}, with {@code env} besides; its output goes to {@code target/worker-ID.log}.
   */
  static Process start(Class<?> main, String id, String bootstrap, Map<String, String> env)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName());
    builder.environment().put(BrokerConfig.ENV_BOOTSTRAP, bootstrap);
    builder.environment().put(WorkerConfig.ENV_CLIENT_ID, "worker-" + id);
    builder.environment().putAll(env);
    File log = Path.of("target", "worker-" + id + ".log").toFile();
    return builder.redirectErrorStream(true).redirectOutput(log).start();
  }

  /** The workers' consumer group as the broker describes it; {@code null} if it did not answer. */
  static ConsumerGroupDescription describe(Admin admin) {
    try {
      return admin
          .describeConsumerGroups(List.of(Topics.WORKER_GROUP))
          .all()
          .get(5, TimeUnit.SECONDS)
          .get(Topics.WORKER_GROUP);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
