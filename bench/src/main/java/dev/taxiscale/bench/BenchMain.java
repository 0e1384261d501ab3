package dev.taxiscale.bench;

import dev.taxiscale.bench.chaos.ChaosCommand;
import dev.taxiscale.bench.firstminutes.FirstMinutes;
import dev.taxiscale.bench.overload.OverloadCommand;
import dev.taxiscale.ingest.IngestBenchmark;
import dev.taxiscale.ingest.ParquetIngestBenchmark;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale bench}: the query paths side by side ({@code --suite queries}, the default), the
 * ingest benchmark ({@code --suite ingest}, with {@code --rows} and any other arguments passed on,
 * e.g. {@code --parsers 1 --copies 1}), or what a new user meets on a running {@code up} ({@code
 * --suite first-minutes --url http://127.0.0.1:8080}, see {@link FirstMinutes}). Run from the
 * repository root; the first run loads the trips (about 3 minutes per 10M on two cores):
 *
 * <pre>
 * ./taxiscale bench --rows 1000000
 * </pre>
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Replay a fixed request set over every path side by side and write a report.")
public final class BenchMain implements Callable<Integer> {
  private static final BenchOptions D = BenchOptions.defaults();

  @Option(
      names = "--suite",
      description =
          "queries, ingest, ingest-parquet, ingest-formats, first-minutes, scale or overload (default"
              + " ${DEFAULT-VALUE}); scale: see docs/scale.md; overload: a running gateway's"
              + " goodput past its admission (--url, --connections 64,512,2000); chaos: faults under"
              + " load on a running local cluster (--dir); zones: the zone queries on zone-based"
              + " trips (--rows, --zones FILE); ingest-formats: --loader-cpu C holds the loads to C"
              + " cores, as a pod's CPU limit (root)")
  String suite = "queries";

  @Option(
      names = "--url",
      description =
          "first-minutes: the gateway of a running taxiscale up (default ${DEFAULT-VALUE})")
  URI url = URI.create("http://127.0.0.1:8080");

  @Option(
      names = "--warm-load",
      description =
          "first-minutes: seconds of load before the warm figures (default ${DEFAULT-VALUE})")
  int warmLoadSeconds = 120;

  @Option(
      names = "--time",
      description = "first-minutes: when the users ask (default ${DEFAULT-VALUE}, a Tuesday)")
  LocalDateTime time = LocalDateTime.of(2014, 4, 15, 18, 0);

  @Option(names = "--rows", description = "trips to load (default ${DEFAULT-VALUE})")
  long rows = D.rows();

  @Option(names = "--data-dir", description = "PostgreSQL data, reused across runs")
  Path dataDir = D.dataDir();

  @Option(names = "--jdbc-url", description = "an external PostgreSQL instead of the embedded one")
  String jdbcUrl;

  @Option(names = "--bootstrap-servers", description = "an external Kafka instead of the embedded")
  String bootstrapServers;

  @Option(names = "--seed", description = "data and request seed (default ${DEFAULT-VALUE})")
  long seed = D.seed();

  @Option(names = "--requests", description = "distinct requests (default ${DEFAULT-VALUE})")
  int requests = D.requests();

  @Option(
      names = "--types",
      split = ",",
      description =
          "query types to ask (default nearby,rides,heatmap,fare; the zone types need"
              + " `taxiscale zones load` and zone-based trips)")
  List<String> types = D.types();

  @Option(names = "--clients", description = "concurrent clients (default ${DEFAULT-VALUE})")
  int clients = D.clients();

  @Option(names = "--open-rate", description = "open-loop requests/s, 0 skips (default 50)")
  double openRate = D.openRate();

  @Option(names = "--rounds", description = "passes per path and mode (default ${DEFAULT-VALUE})")
  int rounds = D.rounds();

  @Option(
      names = "--warm-up",
      description =
          "seconds each path answers the set unmeasured first, 0 for one pass (default"
              + " ${DEFAULT-VALUE}); about 100 for a warm Kafka path on 2 cores")
  int warmUpSeconds = D.warmUpSeconds();

  @Option(names = "--workers", split = ",", description = "Kafka worker counts (default 1,2,4)")
  List<Integer> workers = D.workers();

  @Option(names = "--no-kafka", description = "skip the Kafka paths")
  boolean noKafka;

  @Option(
      names = "--spark-requests",
      description = "requests the Spark baseline answers, 0 skips it (default ${DEFAULT-VALUE})")
  int sparkRequests = D.sparkRequests();

  @Option(names = "--no-spark", description = "skip the Spark baseline")
  boolean noSpark;

  @Option(names = "--worker-threads", description = "queries per worker (default 4)")
  int workerThreads = D.workerThreads();

  @Option(names = "--report-dir", description = "where report.md and report.html go")
  Path reportDir = D.reportDir();

  @CommandLine.Unmatched List<String> passOn = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          System.err.println("bench: " + e.getMessage());
          return 2;
        });
    int status = 2;
    try {
      status = cli.execute(args);
    } finally {
      // servers left running after an unexpected error must not keep the JVM alive
      System.exit(status);
    }
  }

  @Override
  public Integer call() throws Exception {
    switch (suite) {
      case "ingest" -> IngestBenchmark.main(ingestArguments().toArray(String[]::new));
      case "ingest-parquet" ->
          ParquetIngestBenchmark.main(ingestArguments().toArray(String[]::new));
      case "ingest-formats" ->
          IngestFormatsBenchmark.main(ingestArguments().toArray(String[]::new));
      case "queries" -> {
        if (!passOn.isEmpty()) {
          throw new IllegalArgumentException("unknown options " + passOn);
        }
        BenchReport report = new BenchCommand().run(options());
        System.out.print(MarkdownReport.render(report));
        System.out.println("report: " + reportDir.resolve(ReportFiles.HTML).toAbsolutePath());
        return report.errors() == 0 ? 0 : 1;
      }
      case "first-minutes" -> {
        FirstMinutes firstMinutes =
            new FirstMinutes(url, Duration.ofSeconds(warmLoadSeconds), time, seed, System.out);
        return firstMinutes.run() ? 0 : 1;
      }
      case "scale" -> {
        return ScaleCommand.execute(scaleArguments().toArray(String[]::new));
      }
      case "chaos" -> {
        return ChaosCommand.execute(passOn.toArray(String[]::new));
      }
      case "overload" -> {
        return OverloadCommand.execute(overloadArguments().toArray(String[]::new));
      }
      case "zones" -> {
        return ZoneSuite.execute(zoneArguments().toArray(String[]::new));
      }
      default ->
          throw new IllegalArgumentException(
              "--suite must be queries, ingest, ingest-parquet, ingest-formats, first-minutes, scale,"
                  + " overload, zones or chaos,"
                  + " got '"
                  + suite
                  + "'");
    }
    return 0;
  }

  /**
   * The scale suite has defaults of its own (fewer rows, its own report folder): only what was
   * given on the command line is passed on.
   */
  List<String> scaleArguments() {
    return given("--rows", "--seed", "--requests", "--report-dir");
  }

  /** The zone suite, like the scale suite, has defaults of its own. */
  List<String> zoneArguments() {
    return given(
        "--rows", "--seed", "--requests", "--rounds", "--warm-up", "--data-dir", "--report-dir");
  }

  /** The overload suite takes {@code --url} and {@code --seed} when given, and its own options. */
  List<String> overloadArguments() {
    return given("--url", "--seed");
  }

  /** The options named that were given on the command line, then the suite's own options. */
  private List<String> given(String... names) {
    List<String> args = new ArrayList<>();
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    for (String name : names) {
      if (given.hasMatchedOption(name)) {
        args.add(name);
        args.add(String.valueOf(given.matchedOptionValue(name, (Object) null)));
      }
    }
    args.addAll(passOn);
    return args;
  }

  /**
   * {@code --rows} is this command's own option; the ingest benchmarks take it too, and {@code
   * --rounds} when given (they have a default of their own).
   */
  List<String> ingestArguments() {
    List<String> args = new ArrayList<>(List.of("--rows", String.valueOf(rows)));
    args.addAll(given("--rounds"));
    return args;
  }

  BenchOptions options() {
    return new BenchOptions(
        rows,
        dataDir,
        jdbcUrl,
        bootstrapServers,
        seed,
        requests,
        types,
        clients,
        openRate,
        rounds,
        warmUpSeconds,
        noKafka ? List.of() : workers,
        workerThreads,
        reportDir,
        noSpark ? 0 : sparkRequests);
  }
}
