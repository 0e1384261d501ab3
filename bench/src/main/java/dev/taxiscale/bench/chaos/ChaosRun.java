package dev.taxiscale.bench.chaos;

import dev.taxiscale.cluster.ClusterProcess;
import dev.taxiscale.cluster.ClusterState;
import dev.taxiscale.cluster.Role;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The faults in turn, each measured as a phase of its own under the same load. */
final class ChaosRun {
  private static final Duration BASELINE = Duration.ofSeconds(10);
  private static final Duration STOPPED = Duration.ofSeconds(15);
  private static final Duration SLOW = Duration.ofSeconds(12);
  private static final int SLOW_CLIENTS = 200;
  private static final int FORGED = 50;

  /** One fault: does its harm and undoes it, returning when the system should serve again. */
  @FunctionalInterface
  private interface Fault {
    void inflict() throws Exception;
  }

  private final Faults faults;
  private final ChaosLoad load;
  private final ClusterState state;
  private final byte[] request;
  private final Duration settle;

  ChaosRun(Faults faults, ChaosLoad load, ClusterState state, byte[] request, Duration settle) {
    this.faults = faults;
    this.load = load;
    this.state = state;
    this.request = request;
    this.settle = settle;
  }

  List<ChaosPhase> run(PrintStream out) throws Exception {
    List<ChaosPhase> phases = new ArrayList<>();
    phases.add(phase(out, "steady load, no fault", () -> Thread.sleep(BASELINE.toMillis())));
    ClusterProcess worker = faults.process(Role.WORKER, 0);
    phases.add(
        phase(
            out,
            "kill -9 " + worker.name() + ", restart",
            () -> {
              faults.kill(worker);
              faults.restart(worker);
            }));
    ClusterProcess frozen = faults.process(Role.WORKER, faults.workerCount() - 1);
    phases.add(
        phase(
            out,
            "SIGSTOP " + frozen.name() + " " + STOPPED.toSeconds() + " s, SIGCONT",
            () -> {
              faults.signal(frozen, "STOP");
              Thread.sleep(STOPPED.toMillis());
              faults.signal(frozen, "CONT");
            }));
    ClusterProcess broker = faults.process(Role.BROKER, 0);
    phases.add(phase(out, "restart the broker", () -> faults.restart(broker)));
    ClusterProcess database = faults.process(Role.DATABASE, 0);
    phases.add(phase(out, "restart PostgreSQL", () -> faults.restart(database)));
    phases.add(
        phase(
            out,
            SLOW_CLIENTS + " slow bodies for " + SLOW.toSeconds() + " s",
            () -> HostileClients.slowBodies(state.gateway(), SLOW_CLIENTS, SLOW)));
    phases.add(
        phase(
            out,
            FORGED + " ghost reply-to requests + " + FORGED + " forged replies",
            () -> HostileClients.forgedRecords(state.bootstrapServers(), request, FORGED)));
    return phases;
  }

  private ChaosPhase phase(PrintStream out, String name, Fault fault) throws Exception {
    out.println("fault: " + name);
    long start = System.nanoTime();
    fault.inflict();
    Thread.sleep(settle.toMillis());
    ChaosTally tally = load.next();
    long lastFailure = load.lastFailureNanos();
    double recovery = lastFailure > start ? (lastFailure - start) / 1e9 : 0;
    ChaosPhase phase = tally.phase(name, recovery);
    out.println(phase.row());
    return phase;
  }
}
