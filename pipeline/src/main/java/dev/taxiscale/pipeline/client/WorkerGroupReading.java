package dev.taxiscale.pipeline.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One look at the workers' consumer group: its members, each with the request partitions it holds,
 * and how many requests wait unread on the requests topic.
 *
 * @param owners each request partition held by a worker, with that worker's member id
 * @param consumerLag end offsets minus committed offsets, summed over the requests topic's
 *     partitions; a partition the group never committed counts from its first offset, where a
 *     worker would start reading it
 * @param readAt when the broker gave these figures
 */
public record WorkerGroupReading(
    List<Member> members, Map<Integer, String> owners, long consumerLag, Instant readAt) {
  public WorkerGroupReading {
    members = List.copyOf(members);
    owners = Map.copyOf(owners);
    if (consumerLag < 0) {
      throw new IllegalArgumentException("consumer lag must be >= 0, got " + consumerLag);
    }
    Objects.requireNonNull(readAt, "readAt");
  }

  /** The number of workers in the group. */
  public int workers() {
    return members.size();
  }

  /**
   * One worker of the group.
   *
   * @param clientId the worker consumer's {@code client.id}
   * @param partitions how many partitions of the requests topic it is assigned
   */
  public record Member(String clientId, String host, int partitions) {
    public Member {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(host, "host");
      if (partitions < 0) {
        throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
      }
    }
  }
}
