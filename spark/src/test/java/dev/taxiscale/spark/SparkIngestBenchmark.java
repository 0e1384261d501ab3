package dev.taxiscale.spark;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;

/**
 * Load rate of the Spark engine against the local engine on the same generated Yellow 2014 file,
 * into the same durable embedded PostgreSQL (fsync on), each starting from an empty table and
 * including the index rebuild. The engines take turns {@code --repeat} times (default 3) and the
 * best time of each counts, because a shared two-core machine is noisy.
 *
 * <pre>
 * ./mvnw -q -pl spark -am install -DskipTests
 * ./mvnw -q -pl spark org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-Xmx6g ${jvm.opens} ${jvm.extra} -cp %classpath \
 *   dev.taxiscale.spark.SparkIngestBenchmark --rows 1000000 --master local[*]"
 * </pre>
 *
 * <p>Add {@code --parquet} to load the same trips from a Yellow 2010 Parquet file (ZSTD), or {@code
 * --gzip} to load a gzipped file, which Spark reads in one partition (then spreads the lines over
 * the cores). 1M rows take about 200 MB of scratch space under {@code java.io.tmpdir} (deleted at
 * the end) and under a minute per engine and run on two cores. Prints one line per run and engine,
 * then the ratio.
 */
public final class SparkIngestBenchmark {
  private SparkIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(flag(args, "--rows", "1000000").replace("_", ""));
    String master = flag(args, "--master", "local[*]");
    boolean gzip = List.of(args).contains("--gzip");
    int repeat = Integer.parseInt(flag(args, "--repeat", "3"));
    Path scratch = Files.createTempDirectory("taxiscale-spark-bench");
    try (EmbeddedDatabase server = EmbeddedDatabase.start(scratch.resolve("pg"), 0);
        Database database = Database.open(server.config().withPoolSize(8))) {
      Path input = scratch.resolve("yellow_tripdata_bench.csv" + (gzip ? ".gz" : ""));
      TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, rows).withGzip(gzip), input);
      if (List.of(args).contains("--parquet")) {
        input = asParquet(input);
      }
      System.out.printf(Locale.ROOT, "generated %,d rows, %,d MB%n", rows, Files.size(input) >> 20);
      IngestOptions options = IngestOptions.defaults();
      List<String> inputs = List.of(input.toString());
      DataSource dataSource = database.dataSource();
      long start = System.nanoTime();
      SparkSession spark =
          SparkSessions.start(SparkSettings.fromEnvironment(System.getenv()).withMaster(master));
      System.out.printf(
          Locale.ROOT, "spark session started in %.1f s%n", (System.nanoTime() - start) / 1e9);
      long bestLocal = Long.MAX_VALUE;
      long bestSpark = Long.MAX_VALUE;
      try {
        for (int run = 1; run <= repeat; run++) {
          execute(dataSource, "TRUNCATE trips, ingest_files RESTART IDENTITY");
          IngestReport local =
              new LocalEngine(dataSource, options, ProgressSink.NONE).ingest(inputs);
          print("local", run, local);
          execute(dataSource, "TRUNCATE trips, ingest_files RESTART IDENTITY");
          IngestReport viaSpark =
              new SparkEngine(spark, dataSource, server.config(), options, null).ingest(inputs);
          print("spark " + master, run, viaSpark);
          if (local.kept() != viaSpark.kept()) {
            throw new IllegalStateException("the engines kept different rows");
          }
          bestLocal = Math.min(bestLocal, local.elapsedMillis());
          bestSpark = Math.min(bestSpark, viaSpark.elapsedMillis());
        }
      } finally {
        spark.stop();
      }
      System.out.printf(
          Locale.ROOT,
          "best of %d: local %.1f s, spark %.1f s, spark rate / local rate = %.2f%n",
          repeat,
          bestLocal / 1000.0,
          bestSpark / 1000.0,
          (double) bestLocal / bestSpark);
    } finally {
      deleteTree(scratch);
    }
  }

  /** The same trips in the TLC's Yellow 2010 Parquet layout, as published (ZSTD). */
  private static Path asParquet(Path csv) throws Exception {
    Path parquet = csv.resolveSibling("yellow_tripdata_bench.parquet");
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published())
        .convert(csv, parquet);
    return parquet;
  }

  private static void print(String engine, int run, IngestReport report) {
    System.out.printf(
        Locale.ROOT,
        "run %d %-16s %,d rows in, %,d kept in %.1f s: %,.0f rows/s%n",
        run,
        engine,
        report.rowsIn(),
        report.kept(),
        report.elapsedMillis() / 1000.0,
        report.rowsIn() * 1000.0 / report.elapsedMillis());
  }

  private static void execute(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String flag(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
