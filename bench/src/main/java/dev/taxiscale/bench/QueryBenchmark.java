package dev.taxiscale.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.query.QueryEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the four queries on generated trips in an embedded PostgreSQL: p50/p90/p99 per query on
 * one warm connection, then nearby-cab queries per second on several connections.
 *
 * <p>Run from the repository root. The first run generates and loads the trips (10M: about 4
 * minutes on two busy cores, half COPY and half index builds) into {@code --data-dir}, where later
 * runs find them; the measurements then take about 10 minutes, mostly heatmaps:
 *
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * MAVEN_OPTS=-Xmx2g ./mvnw -q -pl bench exec:java -Dexec.args="--rows 10000000"
 * </pre>
 *
 * <p>Targets on 10M trips: nearby p50 &lt;= 1 ms, p99 &lt;= 5 ms; rides p50 &lt;= 2 ms; heatmap p50
 * &lt;= 15 ms; fare p50 &lt;= 20 ms; at least 3,000 nearby queries/s on 8 connections.
 */
@Command(name = "query-benchmark", mixinStandardHelpOptions = true)
public final class QueryBenchmark implements Callable<Integer> {

  @Option(names = "--rows", description = "generated trips to load (default ${DEFAULT-VALUE})")
  long rows = 1_000_000;

  @Option(
      names = "--data-dir",
      description = "PostgreSQL data, reused across runs (default ${DEFAULT-VALUE})")
  Path dataDir = Path.of("bench", "target", "bench-db");

  @Option(names = "--jdbc-url", description = "use this server instead of the embedded one")
  String jdbcUrl;

  @Option(
      names = "--shared-buffers",
      description = "embedded server's cache (default ${DEFAULT-VALUE})")
  String sharedBuffers = "4GB";

  @Option(names = "--seed", description = "generator and request seed (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(
      names = "--warmup",
      description = "queries per type before measuring (default ${DEFAULT-VALUE})")
  int warmup = 500;

  @Option(names = "--runs", description = "measured queries per type (default ${DEFAULT-VALUE})")
  int runs = 3_000;

  @Option(
      names = "--connections",
      description = "callers for the throughput run (default ${DEFAULT-VALUE})")
  int connections = 8;

  @Option(
      names = "--seconds",
      description = "length of the throughput run (default ${DEFAULT-VALUE})")
  double seconds = 10;

  @Option(
      names = "--queries",
      split = ",",
      description = "which latencies to measure (default ${DEFAULT-VALUE})")
  List<String> queries = QueryType.names();

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (jdbcUrl != null) {
      run(jdbcUrl);
      return 0;
    }
    try (BenchServer server = BenchServer.start(dataDir, sharedBuffers)) {
      run(server.jdbcUrl());
    }
    return 0;
  }

  private void run(String url) throws Exception {
    try (HikariDataSource loader = pool(url, 4)) {
      Database.migrate(loader);
      BenchData data = new BenchData(loader);
      data.ensure(rows, seed);
      data.prewarm();
    }
    System.out.println(QueryBenchmark.machine());
    System.out.printf(
        "%,d trips, %d measured queries per type after %d warm-up%n", rows, runs, warmup);
    System.out.printf(
        "%-8s %8s %8s %8s %8s   (microseconds, one connection)%n",
        "query", "p50", "p90", "p99", "max");
    try (HikariDataSource single = pool(url, 1)) {
      QueryEngine engine = new QueryEngine(single);
      Workload workload = new Workload(seed);
      for (String query : queries) {
        Measurements.Latency l =
            Measurements.latency(query, engine, workload.stream(query), warmup, runs);
        System.out.printf("%-8s %8d %8d %8d %8d%n", l.query(), l.p50(), l.p90(), l.p99(), l.max());
      }
    }
    try (HikariDataSource pool = pool(url, connections)) {
      QueryEngine engine = new QueryEngine(pool);
      List<Supplier<QueryRequest>> callers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        callers.add(new Workload(seed + 1 + i).stream(NearbyCabsRequest.TYPE));
      }
      double perSecond = Measurements.throughput(engine, callers, 2, seconds);
      System.out.printf("nearby with %d connections: %,.0f queries/s%n", connections, perSecond);
    }
  }

  /** Cores and load average, because a busy machine moves every figure. */
  static String machine() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        "machine: %d cores, load average %.1f, %s",
        os.getAvailableProcessors(), os.getSystemLoadAverage(), System.getProperty("java.version"));
  }

  private static HikariDataSource pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("bench-" + size);
    return new HikariDataSource(config);
  }
}
