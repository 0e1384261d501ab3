package dev.taxiscale.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run measures and where.
 *
 * @param rows trips to generate and load, reused when the data directory already holds as many
 * @param dataDir the embedded PostgreSQL's data, kept across runs
 * @param jdbcUrl an external server to use instead of the embedded one, or {@code null}
 * @param bootstrapServers an external Kafka to use instead of the embedded broker, or {@code null}
 * @param requests distinct requests in the set
 * @param types the query types drawn, in turn
 * @param clients closed-loop clients in the concurrent mode, and connections per pool
 * @param openRate requests per second of the open loop, 0 to skip it
 * @param rounds times each path answers the set per mode, taking turns with the other paths
 * @param warmUpSeconds how long each path answers the set unmeasured before its measured runs; 0
 *     for a single pass. The JIT takes about 100 s of load to finish the Kafka path's code on 2
 *     cores (docs/bench.md)
 * @param workers worker process counts measured behind the Kafka gateway, empty to skip Kafka
 * @param workerThreads queries each worker runs at once
 * @param reportDir where the Markdown and HTML reports go
 * @param sparkRequests requests of the set the Spark baseline answers, sequentially; 0 skips it
 */
public record BenchOptions(
    long rows,
    Path dataDir,
    String jdbcUrl,
    String bootstrapServers,
    long seed,
    int requests,
    List<String> types,
    int clients,
    double openRate,
    int rounds,
    int warmUpSeconds,
    List<Integer> workers,
    int workerThreads,
    Path reportDir,
    int sparkRequests) {

  public static final long DEFAULT_ROWS = 10_000_000;
  public static final int DEFAULT_REQUESTS = 100;

  /** One Spark job per request takes a second or more, so the baseline answers only a few. */
  public static final int DEFAULT_SPARK_REQUESTS = 10;

  public BenchOptions {
    if (rows < 1_000) {
      throw new IllegalArgumentException("rows must be at least 1000, got " + rows);
    }
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, got " + requests);
    }
    if (types.isEmpty() || !RequestSet.ALL_TYPES.containsAll(types)) {
      throw new IllegalArgumentException(
          "types must be some of " + String.join(",", RequestSet.ALL_TYPES) + ", got " + types);
    }
    if (clients < 1 || clients > 64) {
      throw new IllegalArgumentException("clients must be in [1, 64], got " + clients);
    }
    if (openRate < 0) {
      throw new IllegalArgumentException("open rate must not be negative, got " + openRate);
    }
    if (rounds < 1 || rounds > 100) {
      throw new IllegalArgumentException("rounds must be in [1, 100], got " + rounds);
    }
    if (warmUpSeconds < 0 || warmUpSeconds > 3_600) {
      throw new IllegalArgumentException(
          "warm-up seconds must be in [0, 3600], got " + warmUpSeconds);
    }
    if (workers.stream().anyMatch(n -> n < 1 || n > 16)) {
      throw new IllegalArgumentException("worker counts must be in [1, 16], got " + workers);
    }
    if (workerThreads < 1 || workerThreads > 64) {
      throw new IllegalArgumentException("worker threads must be in [1, 64], got " + workerThreads);
    }
    if (sparkRequests < 0) {
      throw new IllegalArgumentException(
          "spark requests must not be negative, got " + sparkRequests);
    }
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbc url must start with jdbc:postgresql:, got " + jdbcUrl);
    }
    types = List.copyOf(types);
    workers = workers.stream().sorted().distinct().toList();
  }

  /**
   * 10M trips, 100 requests of all four types, 4 clients, 50/s open loop, 3 rounds after one pass
   * of warm-up, 1, 2 and 4 workers, 10 requests through Spark.
   */
  public static BenchOptions defaults() {
    return new BenchOptions(
        DEFAULT_ROWS,
        Path.of("bench", "target", "bench-db"),
        null,
        null,
        42,
        DEFAULT_REQUESTS,
        RequestSet.DEFAULT_TYPES,
        4,
        50,
        3,
        0,
        List.of(1, 2, 4),
        4,
        Path.of("bench", "target", "report"),
        DEFAULT_SPARK_REQUESTS);
  }

  public BenchOptions withRows(long n) {
    return new BenchOptions(
        n,
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
        workers,
        workerThreads,
        reportDir,
        sparkRequests);
  }

  public BenchOptions withDirectories(Path data, Path report) {
    return new BenchOptions(
        rows,
        data,
        jdbcUrl,
        bootstrapServers,
        seed,
        requests,
        types,
        clients,
        openRate,
        rounds,
        warmUpSeconds,
        workers,
        workerThreads,
        report,
        sparkRequests);
  }

  public BenchOptions withWorkers(List<Integer> counts) {
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
        counts,
        workerThreads,
        reportDir,
        sparkRequests);
  }

  public BenchOptions withSparkRequests(int count) {
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
        workers,
        workerThreads,
        reportDir,
        count);
  }

  /** The requests the Spark baseline answers: the first of the set, at most all of it. */
  public int sparkCount(int setSize) {
    return Math.min(sparkRequests, setSize);
  }

  /** The closed loops always run; the open loop only with a rate. */
  public List<LoadMode> modes() {
    return openRate > 0
        ? List.of(LoadMode.sequential(), LoadMode.concurrent(clients), LoadMode.open(openRate, 64))
        : List.of(LoadMode.sequential(), LoadMode.concurrent(clients));
  }
}
