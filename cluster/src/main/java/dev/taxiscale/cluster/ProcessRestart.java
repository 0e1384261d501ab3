package dev.taxiscale.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code local-cluster.sh restart NAME}: stops one process of a running cluster (if it still runs),
 * starts it again with the command and settings it was first started with, and waits until it
 * serves again: its port accepts connections, the gateway is ready, or the worker has partitions.
 */
public final class ProcessRestart {
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private ProcessRestart() {}

  /** Restarts the process {@code name} of the cluster in {@code dir}; returns it as it now runs. */
  public static ClusterProcess restart(Path dir, String name) {
    ClusterState state = ClusterState.read(dir);
    ClusterProcess old =
        state.processes().stream()
            .filter(p -> p.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no process named '"
                            + name
                            + "'; the cluster has "
                            + state.processes().stream().map(ClusterProcess::name).toList()));
    old.stop(STOP_PATIENCE);
    ClusterProcess fresh = new ProcessStarter(dir, null, true, List.of()).restart(old);
    List<ClusterProcess> processes = new ArrayList<>(state.processes());
    processes.set(processes.indexOf(old), fresh);
    ClusterState restarted =
        new ClusterState(state.gateway(), state.jdbcUrl(), state.bootstrapServers(), processes);
    // written before waiting, so that stop and status find the new process whatever happens next
    restarted.write(dir);
    awaitServing(fresh, restarted);
    return fresh;
  }

  private static void awaitServing(ClusterProcess process, ClusterState state) {
    String what = process.name() + " serving again";
    switch (process.role()) {
      case GATEWAY -> {
        URI ready = URI.create("http://127.0.0.1:" + process.port() + "/ready");
        Readiness.until(what, START_TIMEOUT, process, () -> Readiness.answers200(ready));
      }
      case WORKER -> {
        List<ClusterProcess> live =
            state.processes().stream().filter(p -> p.role() == Role.WORKER && p.isAlive()).toList();
        try (WorkerGroup group = new WorkerGroup(state.bootstrapServers())) {
          Readiness.until(what, START_TIMEOUT, live, () -> group.hasAssigned(live.size()));
        }
      }
      default ->
          Readiness.until(what, START_TIMEOUT, process, () -> Readiness.listening(process.port()));
    }
  }
}
