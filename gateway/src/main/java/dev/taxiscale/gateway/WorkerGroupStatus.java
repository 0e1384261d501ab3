package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.client.WorkerGroupReading;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code /workers}, read by the web app's live panel: the workers' consumer group as
 * last read from the broker. The figures are null unless {@code status} is {@value #LIVE}; the same
 * figures are the {@code taxiscale_workers} and {@code taxiscale_consumer_lag} meters.
 *
 * @param status {@value #LIVE} (a fresh reading), {@value #STALE} (the broker stopped answering;
 *     {@code readAt} says when it last did), {@value #UNKNOWN} (not read yet) or {@value
 *     #IN_PROCESS} (direct mode: no workers, no queue)
 * @param members each worker with the number of request partitions it holds
 * @param readAt ISO-8601 time of the reading, or null
 */
record WorkerGroupStatus(
    String status,
    String group,
    Integer workers,
    Long consumerLag,
    List<WorkerGroupReading.Member> members,
    String readAt) {
  static final String LIVE = "live";
  static final String STALE = "stale";
  static final String UNKNOWN = "unknown";
  static final String IN_PROCESS = "in-process";

  WorkerGroupStatus {
    Objects.requireNonNull(status, "status");
    members = List.copyOf(members);
  }

  static WorkerGroupStatus of(QueryBackend backend) {
    return backend
        .workerGroup()
        .map(WorkerGroupStatus::of)
        .orElse(new WorkerGroupStatus(IN_PROCESS, null, null, null, List.of(), null));
  }

  private static WorkerGroupStatus of(WorkerGroupWatch watch) {
    return watch
        .current()
        .map(WorkerGroupStatus::live)
        .orElseGet(
            () ->
                watch
                    .latest()
                    .map(r -> notLive(STALE, r.readAt().toString()))
                    .orElse(notLive(UNKNOWN, null)));
  }

  private static WorkerGroupStatus live(WorkerGroupReading reading) {
    return new WorkerGroupStatus(
        LIVE,
        Topics.WORKER_GROUP,
        reading.workers(),
        reading.consumerLag(),
        reading.members(),
        reading.readAt().toString());
  }

  private static WorkerGroupStatus notLive(String status, String readAt) {
    return new WorkerGroupStatus(status, Topics.WORKER_GROUP, null, null, List.of(), readAt);
  }
}
