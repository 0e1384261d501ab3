package dev.taxiscale.bench.chaos;

import dev.taxiscale.bench.OneLineCli;
import dev.taxiscale.bench.firstminutes.ManhattanClicks;
import dev.taxiscale.bench.firstminutes.Readiness;
import dev.taxiscale.cluster.ClusterState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale bench --suite chaos} (or {@code deploy/local-cluster.sh chaos}): under steady,
 * bounded load on a running local cluster, kills and restarts a worker, stops and continues one,
 * restarts the broker and PostgreSQL, opens slow clients and sends forged Kafka records, one after
 * another, and reports per fault what was sent, answered by status, lost, answered twice and how
 * long until requests were answered again. About 3-4 minutes on two cores:
 *
 * <pre>
 * deploy/local-cluster.sh start --workers 2
 * deploy/local-cluster.sh chaos
 * </pre>
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = "Inflict faults on a running local cluster under load and count what was lost.")
public final class ChaosCommand implements Callable<Integer> {
  @Option(names = "--dir", description = "the cluster's folder (default ${DEFAULT-VALUE})")
  Path dir = Path.of("data/local-cluster");

  @Option(names = "--load-clients", description = "closed-loop clients (default ${DEFAULT-VALUE})")
  int clients = 4;

  @Option(
      names = "--settle",
      description = "seconds of load after each fault is undone (default ${DEFAULT-VALUE})")
  int settle = 10;

  @Option(names = "--report", description = "also write the table to this Markdown file")
  Path report;

  /** Runs the suite; a bad option or a missing cluster is one line and exit code 2. */
  public static int execute(String[] args) {
    return OneLineCli.execute("chaos", new ChaosCommand(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(ClusterState.file(dir))) {
      throw new IllegalArgumentException(
          "no cluster in "
              + dir.toAbsolutePath()
              + "; start one with deploy/local-cluster.sh start");
    }
    ClusterState state = ClusterState.read(dir);
    Readiness.await(state.gateway(), Duration.ofMinutes(2));
    ManhattanClicks clicks = new ManhattanClicks(7, LocalDateTime.of(2014, 1, 15, 18, 0));
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      bodies.add(clicks.nearby());
    }
    List<ChaosPhase> phases;
    try (ChaosLoad load = new ChaosLoad(state.gateway(), bodies, clients);
        ReplyWatch replies = new ReplyWatch(state.bootstrapServers(), load::current)) {
      phases =
          new ChaosRun(new Faults(dir), load, state, bodies.get(0), Duration.ofSeconds(settle))
              .run(System.out);
    }
    List<String> table = new ArrayList<>(List.of(ChaosPhase.HEADER));
    phases.forEach(p -> table.add(p.row()));
    long lost = phases.stream().mapToLong(ChaosPhase::lost).sum();
    long duplicates = phases.stream().mapToLong(ChaosPhase::duplicates).sum();
    table.add("");
    table.add("lost: " + lost + " (goal 0); duplicate replies: " + duplicates);
    System.out.println();
    table.forEach(System.out::println);
    if (report != null) {
      Files.write(report, table);
    }
    return lost == 0 ? 0 : 1;
  }
}
