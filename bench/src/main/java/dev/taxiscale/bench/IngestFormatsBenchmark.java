package dev.taxiscale.bench;

import dev.taxiscale.ingest.IngestBenchmark;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
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
 * loaded by each engine into emptied tables of one embedded PostgreSQL, twice in turn (through
 * {@code taxiscale bench}, whose own {@code --rounds} takes that flag); the best round counts.
 *
 * <pre>
 * ./taxiscale bench --suite ingest-formats --rows 1000000 [--master local[*]]
 * </pre>
 *
 * <p>1M rows take about 200 MB of scratch space under {@code java.io.tmpdir} (deleted at the end)
 * and 2-4 minutes per round on two cores. Prints one line per load, then per engine the rows/s of
 * each format and the Parquet / CSV ratio.
 */
public final class IngestFormatsBenchmark {
  private static final String[] FORMATS = {"CSV", "Parquet"};
  private static final String[] ENGINES = {"local", "spark"};

  private IngestFormatsBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = IngestBenchmark.longFlag(args, "--rows", 1_000_000);
    int rounds = (int) IngestBenchmark.longFlag(args, "--rounds", 2);
    String master = flag(args, "--master", "local[*]");
    Path scratch = Files.createTempDirectory("taxiscale-bench");
    try (EmbeddedDatabase server = EmbeddedDatabase.start(scratch.resolve("pg"), 0);
        Database database = Database.open(server.config().withPoolSize(8))) {
      ParquetIngestBenchmark.SameTrips trips = ParquetIngestBenchmark.generate(scratch, rows);
      Path[] files = {trips.csv(), trips.parquet()};
      SparkSession spark =
          SparkSessions.start(SparkSettings.fromEnvironment(System.getenv()).withMaster(master));
      double[][] best = new double[ENGINES.length][FORMATS.length];
      try {
        for (int round = 1; round <= rounds; round++) {
          for (int format = 0; format < FORMATS.length; format++) {
            IngestOptions options = IngestOptions.defaults();
            String file = files[format].toString();
            LocalEngine local = new LocalEngine(database.dataSource(), options, ProgressSink.NONE);
            SparkEngine viaSpark =
                new SparkEngine(spark, database.dataSource(), server.config(), options, null);
            String label = "round " + round + " " + FORMATS[format];
            double localRate =
                ParquetIngestBenchmark.load(
                    database, label + " local", () -> local.ingest(List.of(file)));
            double sparkRate =
                ParquetIngestBenchmark.load(
                    database, label + " spark", () -> viaSpark.ingest(List.of(file)));
            best[0][format] = Math.max(best[0][format], localRate);
            best[1][format] = Math.max(best[1][format], sparkRate);
          }
        }
      } finally {
        spark.stop();
      }
      for (int engine = 0; engine < ENGINES.length; engine++) {
        System.out.printf(
            Locale.ROOT,
            "best %-5s CSV %,.0f rows/s, Parquet %,.0f rows/s, Parquet / CSV = %.2f%n",
            ENGINES[engine],
            best[engine][0],
            best[engine][1],
            best[engine][1] / best[engine][0]);
      }
    } finally {
      IngestBenchmark.deleteTree(scratch);
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
