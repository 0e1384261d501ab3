package dev.taxiscale.bench;

import dev.taxiscale.cluster.CpuBudget;
import dev.taxiscale.ingest.IngestBenchmark;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.PairedRounds;
import dev.taxiscale.ingest.ParquetIngestBenchmark;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.spark.SparkEngine;
import dev.taxiscale.spark.SparkSessions;
import dev.taxiscale.spark.SparkSettings;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The load rate of the same generated trips from CSV and from Parquet, in both engines, in one run:
 * a Yellow 2014 CSV and its copy in the TLC's Yellow 2010 Parquet layout (ZSTD, as published), each
 * loaded by each engine into emptied tables of one embedded PostgreSQL, once each unmeasured to
 * warm up, then in turns for {@code --rounds} rounds (default 2); per engine, the best of each
 * format and the median of the rounds' ratios count ({@link PairedRounds}).
 *
 * <pre>
 * ./taxiscale bench --suite ingest-formats --rows 1000000 [--master local[*]] [--loader-cpu 0.6]
 * </pre>
 *
 * <p>{@code --loader-cpu} holds the loads' JVM (both engines; Spark runs in it) to that many cores,
 * as a Kubernetes ingest pod's CPU limit does, while the embedded database keeps the rest of the
 * machine: the loader's own cost per row then sets the pace instead of PostgreSQL's.
 *
 * <p>1M rows take about 200 MB of scratch space under {@code java.io.tmpdir} (deleted at the end)
 * and 2-4 minutes per round on two cores. Prints one line per load, then per engine the best rows/s
 * of each format, their ratio, each round's ratio and the median of those.
 */
public final class IngestFormatsBenchmark {
  private static final String[] FORMATS = {"CSV", "Parquet"};
  private static final String[] ENGINES = {"local", "spark"};
  private static final int[] CSV_FIRST = {0, 1};
  private static final int[] PARQUET_FIRST = {1, 0};

  private IngestFormatsBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = IngestBenchmark.longFlag(args, "--rows", 1_000_000);
    int rounds = (int) IngestBenchmark.longFlag(args, "--rounds", 2);
    String master = flag(args, "--master", "local[*]");
    String loaderCpuFlag = flag(args, "--loader-cpu", null);
    // checked before anything starts, so a bad value costs no database start
    CpuBudget loaderCpu =
        loaderCpuFlag == null ? null : CpuBudget.parse(loaderCpuFlag, "--loader-cpu");
    Path scratch = Files.createTempDirectory("taxiscale-bench");
    LoaderCpu loader = LoaderCpu.NONE;
    try (EmbeddedDatabase server = EmbeddedDatabase.start(scratch.resolve("pg"), 0);
        Database database = Database.open(server.config().withPoolSize(8))) {
      ParquetIngestBenchmark.SameTrips trips = ParquetIngestBenchmark.generate(scratch, rows);
      // after the database started and the files were written: only the loads run in the group
      loader = LoaderCpu.join(loaderCpu);
      Path[] files = {trips.csv(), trips.parquet()};
      SparkSession spark =
          SparkSessions.start(SparkSettings.fromEnvironment(System.getenv()).withMaster(master));
      PairedRounds[] measured = {new PairedRounds(), new PairedRounds()};
      try {
        // the first load of each format and engine in this JVM also compiles its code
        Engines engines = new Engines(spark, database, server);
        for (int format : CSV_FIRST) {
          engines.load("warm-up " + FORMATS[format], files[format]);
        }
        for (int round = 1; round <= rounds; round++) {
          double[][] rates = new double[ENGINES.length][FORMATS.length];
          for (int format : PairedRounds.csvFirst(round) ? CSV_FIRST : PARQUET_FIRST) {
            double[] rate = engines.load("round " + round + " " + FORMATS[format], files[format]);
            rates[0][format] = rate[0];
            rates[1][format] = rate[1];
          }
          for (int engine = 0; engine < ENGINES.length; engine++) {
            measured[engine].add(new PairedRounds.Round(rates[engine][0], rates[engine][1]));
          }
        }
      } finally {
        spark.stop();
      }
      for (int engine = 0; engine < ENGINES.length; engine++) {
        System.out.printf(
            Locale.ROOT, "best %-5s %s%n", ENGINES[engine], measured[engine].summary());
      }
    } finally {
      loader.close();
      IngestBenchmark.deleteTree(scratch);
    }
  }

  /** Both engines over one database, with default options. */
  private record Engines(SparkSession spark, Database database, EmbeddedDatabase server) {
    /** Loads the file with the local engine, then with Spark: their rows/s, in that order. */
    double[] load(String label, Path file) throws Exception {
      IngestOptions options = IngestOptions.defaults();
      LocalEngine local = new LocalEngine(database.dataSource(), options, ProgressSink.NONE);
      SparkEngine viaSpark =
          new SparkEngine(spark, database.dataSource(), server.config(), options, null);
      List<String> input = List.of(file.toString());
      return new double[] {
        ParquetIngestBenchmark.load(database, label + " local", () -> local.ingest(input)),
        ParquetIngestBenchmark.load(database, label + " spark", () -> viaSpark.ingest(input))
      };
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
}
