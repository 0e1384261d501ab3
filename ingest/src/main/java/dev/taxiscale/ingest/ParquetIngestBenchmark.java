package dev.taxiscale.ingest;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The local engine's load rate from Parquet against CSV, for the same generated trips in one run: a
 * Yellow 2014 CSV and its copy in the TLC's Yellow 2010 Parquet layout (ZSTD, as published), each
 * loaded into an emptied table of the same embedded PostgreSQL, once each unmeasured to warm up,
 * then in turns for {@code --rounds} rounds; prints the best of each format and the median of the
 * rounds' ratios ({@link PairedRounds}).
 *
 * <pre>
 * taxiscale bench --suite ingest-parquet --rows 1000000
 * </pre>
 *
 * <p>1M rows take about 200 MB of scratch space under {@code java.io.tmpdir} (deleted at the end)
 * and under a minute per round on two cores. Prints one line per load and the ratio.
 */
public final class ParquetIngestBenchmark {
  private ParquetIngestBenchmark() {}

  /** The same generated trips as a CSV file and as a Parquet file. */
  public record SameTrips(Path csv, Path parquet) {}

  /** One load of one file. */
  public interface Load {
    IngestReport run() throws IngestException;
  }

  public static void main(String[] args) throws Exception {
    long rows = IngestBenchmark.longFlag(args, "--rows", 1_000_000);
    int rounds = (int) IngestBenchmark.longFlag(args, "--rounds", 2);
    Path scratch = Files.createTempDirectory("taxiscale-bench");
    try (EmbeddedDatabase server = EmbeddedDatabase.start(scratch.resolve("pg"), 0);
        Database database = Database.open(server.config().withPoolSize(8))) {
      SameTrips files = generate(scratch, rows);
      LocalEngine engine =
          new LocalEngine(database.dataSource(), IngestOptions.defaults(), ProgressSink.NONE);
      // the first load of each format in this JVM also compiles its code: not measured
      load(database, "warm-up CSV", ingest(engine, files.csv()));
      load(database, "warm-up Parquet", ingest(engine, files.parquet()));
      PairedRounds measured = new PairedRounds();
      for (int round = 1; round <= rounds; round++) {
        measured.add(
            PairedRounds.measure(
                round,
                () -> load(database, "CSV", ingest(engine, files.csv())),
                () -> load(database, "Parquet", ingest(engine, files.parquet()))));
      }
      System.out.println("best: " + measured.summary());
    } finally {
      IngestBenchmark.deleteTree(scratch);
    }
  }

  /**
   * Generated Yellow 2014 trips and their copy in the Yellow 2010 Parquet layout, named for their
   * month as the TLC names its files.
   */
  public static SameTrips generate(Path scratch, long rows) throws Exception {
    Path csv = scratch.resolve("yellow_tripdata_2014-04.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, rows), csv);
    Path parquet = scratch.resolve("yellow_tripdata_2014-04.parquet");
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published())
        .convert(csv, parquet);
    System.out.printf(
        Locale.ROOT,
        "generated %,d rows: CSV %,d MB, Parquet %,d MB%n",
        rows,
        Files.size(csv) >> 20,
        Files.size(parquet) >> 20);
    return new SameTrips(csv, parquet);
  }

  /**
   * Runs the load into emptied tables and prints one line.
   *
   * @return the rows read per second of the file's load
   */
  public static double load(Database database, String label, Load load) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE trips, trip_hours, ingest_files RESTART IDENTITY");
    }
    IngestReport report = load.run();
    double seconds = Math.max(1, report.files().get(0).elapsedMillis()) / 1000.0;
    double rate = report.rowsIn() / seconds;
    System.out.printf(
        Locale.ROOT,
        "%-21s %,d rows in, %,d kept, loaded in %.1f s: %,.0f rows/s (%.1f s with indexes)%n",
        label,
        report.rowsIn(),
        report.kept(),
        seconds,
        rate,
        report.elapsedMillis() / 1000.0);
    return rate;
  }

  private static Load ingest(LocalEngine engine, Path file) {
    return () -> engine.ingest(List.of(file.toString()));
  }
}
