package dev.taxiscale.pipeline.client;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Reads one {@link WorkerGroupReading} through an admin client, each call bounded by a timeout. */
final class WorkerGroupReader {
  /** Short, so that a broker outage shows as unknown within a few seconds. */
  private static final int TIMEOUT_MS = 1_000;

  private final Admin admin;
  private final String group;
  private final String topic;

  WorkerGroupReader(Admin admin, String group, String topic) {
    this.admin = admin;
    this.group = group;
    this.topic = topic;
  }

  WorkerGroupReading read() throws ExecutionException, InterruptedException {
    List<TopicPartition> partitions = partitions();
    Map<TopicPartition, Long> first = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> committed = committed();
    long lag = 0;
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      // an uncommitted partition is read from its first offset (auto.offset.reset=earliest)
      long from = offset == null ? first.get(partition) : offset.offset();
      lag += Math.max(0, end.get(partition) - from);
    }
    List<MemberDescription> members = members();
    return new WorkerGroupReading(
        members.stream().map(this::member).toList(), owners(members), lag, Instant.now());
  }

  private Map<Integer, String> owners(List<MemberDescription> members) {
    Map<Integer, String> owners = new HashMap<>();
    for (MemberDescription member : members) {
      for (TopicPartition partition : member.assignment().topicPartitions()) {
        if (partition.topic().equals(topic)) {
          owners.put(partition.partition(), member.consumerId());
        }
      }
    }
    return owners;
  }

  private List<TopicPartition> partitions() throws ExecutionException, InterruptedException {
    var options = new DescribeTopicsOptions().timeoutMs(TIMEOUT_MS);
    return await(admin.describeTopics(List.of(topic), options).topicNameValues().get(topic))
        .partitions()
        .stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> request =
        partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
    var options = new ListOffsetsOptions().timeoutMs(TIMEOUT_MS);
    return await(admin.listOffsets(request, options).all()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private Map<TopicPartition, OffsetAndMetadata> committed()
      throws ExecutionException, InterruptedException {
    var options = new ListConsumerGroupOffsetsOptions().timeoutMs(TIMEOUT_MS);
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          await(admin.listConsumerGroupOffsets(group, options).partitionsToOffsetAndMetadata());
      // a partition without a committed offset may come back with a null value
      return offsets.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Map.of();
      }
      throw e;
    }
  }

  private List<MemberDescription> members() throws ExecutionException, InterruptedException {
    var options = new DescribeConsumerGroupsOptions().timeoutMs(TIMEOUT_MS);
    try {
      return List.copyOf(
          await(admin.describeConsumerGroups(List.of(group), options).describedGroups().get(group))
              .members());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of();
      }
      throw e;
    }
  }

  private WorkerGroupReading.Member member(MemberDescription member) {
    int held =
        (int)
            member.assignment().topicPartitions().stream()
                .filter(p -> p.topic().equals(topic))
                .count();
    return new WorkerGroupReading.Member(member.clientId(), member.host(), held);
  }

  /** The admin client's own timeout answers first; this one only guards against a lost answer. */
  private static <T> T await(KafkaFuture<T> future)
      throws ExecutionException, InterruptedException {
    try {
      return future.get(TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ExecutionException("no answer within " + (TIMEOUT_MS + 1_000) + " ms", e);
    }
  }
}
