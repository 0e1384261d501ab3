package dev.taxiscale.bench.chaos;

import dev.taxiscale.cluster.ClusterProcess;
import dev.taxiscale.cluster.ClusterState;
import dev.taxiscale.cluster.ProcessRestart;
import dev.taxiscale.cluster.Role;
import java.io.IOException;
import java.nio.file.Path;

/** The faults a chaos run inflicts on the processes of a local cluster, by their role. */
final class Faults {
  private final Path dir;

  Faults(Path dir) {
    this.dir = dir;
  }

  /** The {@code index}-th process of {@code role} as the cluster runs it now. */
  ClusterProcess process(Role role, int index) {
    return ClusterState.read(dir).processes().stream()
        .filter(p -> p.role() == role)
        .skip(index)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the cluster in " + dir + " has no " + role + " " + index));
  }

  /** How many workers the cluster runs. */
  int workerCount() {
    return (int)
        ClusterState.read(dir).processes().stream().filter(p -> p.role() == Role.WORKER).count();
  }

  /** SIGKILL, as a crashed machine: no shutdown hooks, no goodbyes. */
  void kill(ClusterProcess process) {
    process.kill();
  }

  /** Starts it again as it was first started and waits until it serves again. */
  void restart(ClusterProcess process) {
    ProcessRestart.restart(dir, process.name());
  }

  /** SIGSTOP or SIGCONT: a process frozen by a long GC pause or a stalled VM, then back. */
  void signal(ClusterProcess process, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, "" + process.pid()).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
    }
  }
}
