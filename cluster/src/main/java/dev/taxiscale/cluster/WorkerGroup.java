package dev.taxiscale.cluster;

import dev.taxiscale.pipeline.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** The workers' consumer group as the broker sees it: who is in it and what each was assigned. */
final class WorkerGroup implements AutoCloseable {
  private final Admin admin;

  WorkerGroup(String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "taxiscale-local-cluster",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000));
  }

  /** Whether exactly {@code members} workers are in the group, each with some partitions. */
  boolean hasAssigned(int members) {
    try {
      ConsumerGroupDescription group =
          admin
              .describeConsumerGroups(List.of(Topics.WORKER_GROUP))
              .all()
              .get(5, TimeUnit.SECONDS)
              .get(Topics.WORKER_GROUP);
      List<MemberDescription> current = List.copyOf(group.members());
      return current.size() == members
          && current.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
