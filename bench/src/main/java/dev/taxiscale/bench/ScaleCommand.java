package dev.taxiscale.bench;

import dev.taxiscale.cluster.CpuBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale bench --suite scale}: capacity against node count with a fixed CPU budget per
 * node, the original plan's with/without table, cold starts and the composite ride request. Needs
 * root for the CPU groups. About 10 minutes for {@code --nodes 1,2,4} on two cores:
 *
 * <pre>
 * ./taxiscale bench --suite scale --nodes 1,2,4 --node-cpu 0.25
 * </pre>
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = "Measure throughput against nodes of a fixed CPU budget and write a report.")
public final class ScaleCommand implements Callable<Integer> {
  static final String JSON = "report.json";

  @Option(names = "--nodes", split = ",", description = "node counts, from 1 (default 1,2,4)")
  List<String> nodes = List.of("1", "2", "4");

  @Option(names = "--node-cpu", description = "each node's CPU in cores (default ${DEFAULT-VALUE})")
  String nodeCpu = "0.25";

  @Option(names = "--rows", description = "sample trips (default ${DEFAULT-VALUE})")
  long rows = 200_000;

  @Option(names = "--seed", description = "data and request seed (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--requests", description = "distinct requests (default ${DEFAULT-VALUE})")
  int requests = 100;

  @Option(
      names = "--clients-per-node",
      description = "closed-loop clients (default ${DEFAULT-VALUE})")
  int clientsPerNode = 8;

  @Option(names = "--window", description = "seconds per window (default ${DEFAULT-VALUE})")
  int window = 10;

  @Option(
      names = "--warm-up-limit",
      description = "longest warm-up in s (default ${DEFAULT-VALUE})")
  int warmUpLimit = 300;

  @Option(
      names = "--overload",
      description = "with/without rate over one node's (default ${DEFAULT-VALUE})")
  double overload = 2.5;

  @Option(
      names = "--compare-at",
      description = "nodes compared with one (default ${DEFAULT-VALUE})")
  int compareAt = 4;

  @Option(
      names = "--gateways",
      description = "gateways outside the nodes (default ${DEFAULT-VALUE})")
  int gateways = 2;

  @Option(
      names = "--node-jit",
      description =
          "c2 (the JVM's default tiered compilers) or c1 (the client compiler only, which spares a"
              + " small node the optimizing compiler's CPU; default ${DEFAULT-VALUE})")
  String nodeJit = "c2";

  @Option(names = "--report-dir", description = "where the reports go (default ${DEFAULT-VALUE})")
  Path reportDir = Path.of("target/scale-report");

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the suite; a bad option or a missing cgroup hierarchy is one line and exit code 2. */
  public static int execute(String[] args) {
    return OneLineCli.execute("bench", new ScaleCommand(), args);
  }

  @Override
  public Integer call() throws Exception {
    ScaleOptions options = options();
    ScaleReport report = new ScaleSuite(options).run();
    Files.createDirectories(reportDir);
    Files.writeString(
        reportDir.resolve("report.md"), ScaleMarkdown.render(report), StandardCharsets.UTF_8);
    Files.writeString(
        reportDir.resolve("report.html"), ScaleHtml.render(report), StandardCharsets.UTF_8);
    Files.writeString(reportDir.resolve(JSON), ScaleJson.render(report), StandardCharsets.UTF_8);
    System.out.print(ScaleMarkdown.render(report));
    System.out.println("report: " + reportDir.resolve("report.html").toAbsolutePath());
    return report.scale().stream().allMatch(p -> p.errors() == 0) ? 0 : 1;
  }

  ScaleOptions options() {
    List<Integer> counts = new ArrayList<>();
    for (String n : nodes) {
      try {
        counts.add(Integer.parseInt(n.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--nodes must be whole numbers such as 1,2,4, got '" + n + "'");
      }
    }
    return new ScaleOptions(
        counts,
        CpuBudget.parse(nodeCpu),
        rows,
        seed,
        requests,
        clientsPerNode,
        window,
        warmUpLimit,
        overload,
        compareAt,
        gateways,
        reportDir.toAbsolutePath(),
        jitFlags());
  }

  private List<String> jitFlags() {
    return switch (nodeJit) {
      case "c2" -> List.of();
      case "c1" -> List.of("-XX:TieredStopAtLevel=1");
      default ->
          throw new IllegalArgumentException("--node-jit must be c1 or c2, got '" + nodeJit + "'");
    };
  }
}
