package dev.taxiscale.ingest;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.testkit.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The local engine loading one generated file from local disk and the same file as an {@code s3://}
 * object on a local S3-compatible server (s3proxy, its own process), alternately, in one run;
 * prints each run's rate, the best of each source and their ratio.
 *
 * <pre>
 * ./mvnw -q -pl ingest -am test-compile dependency:copy@s3proxy -DskipTests \
 *   dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Ds3proxy.jar=ingest/target/s3proxy/s3proxy.jar \
 *   -cp ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/bench.classpath) \
 *   dev.taxiscale.ingest.S3IngestBenchmark --rows 2000000 --rounds 2 [--gzip | --parquet]
 * </pre>
 *
 * <p>With {@code --parquet} the file is converted to Parquet (Yellow 2010, ZSTD) before the runs.
 * 2M rows (about 300 MB of CSV) take about a minute per run on two cores; the scratch directory
 * under {@code java.io.tmpdir} is deleted at the end.
 */
public final class S3IngestBenchmark {
  private S3IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = IngestBenchmark.longFlag(args, "--rows", 2_000_000);
    int rounds = (int) IngestBenchmark.longFlag(args, "--rounds", 2);
    boolean gzip = List.of(args).contains("--gzip");
    boolean parquet = List.of(args).contains("--parquet");
    Path scratch = Files.createTempDirectory("taxiscale-s3-bench");
    try (S3Server server = S3Server.start(Files.createDirectories(scratch.resolve("s3")));
        EmbeddedDatabase postgres = EmbeddedDatabase.start(scratch.resolve("pg"), 0);
        Database database = Database.open(postgres.config().withPoolSize(6))) {
      Path file = scratch.resolve(gzip ? "yellow_bench.csv.gz" : "yellow_bench.csv");
      TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, rows).withGzip(gzip), file);
      if (parquet) {
        // as the TLC publishes: ZSTD, one large row group, read in ranges by the parser threads
        Path csv = file;
        file = scratch.resolve("yellow_bench.parquet");
        new ParquetTripWriter(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published())
            .convert(csv, file);
        Files.delete(csv);
      }
      S3Settings settings = S3Bucket.settingsFor(server.endpoint(), S3Server.CREDENTIAL);
      String object;
      try (S3Bucket bucket = S3Bucket.create(server, "bench")) {
        object = bucket.put("raw/" + file.getFileName(), file);
      }
      System.out.printf(
          Locale.ROOT,
          "%,d rows, %,d MB stored, %d rounds%n",
          rows,
          Files.size(file) >> 20,
          rounds);
      LocalEngine engine =
          new LocalEngine(
              database.dataSource(), IngestOptions.defaults(), ProgressSink.NONE, settings);
      double bestDisk = 0;
      double bestS3 = 0;
      for (int round = 1; round <= rounds; round++) {
        bestDisk = Math.max(bestDisk, run("local disk", engine, file.toString(), database));
        bestS3 = Math.max(bestS3, run("s3://", engine, object, database));
      }
      System.out.printf(
          Locale.ROOT,
          "best: local disk %,.0f rows/s, s3:// %,.0f rows/s, s3 / disk = %.2f%n",
          bestDisk,
          bestS3,
          bestS3 / bestDisk);
    } finally {
      IngestBenchmark.deleteTree(scratch);
    }
  }

  /** One load into empty tables; the rate of the load itself, without the index rebuild. */
  private static double run(String label, LocalEngine engine, String input, Database database)
      throws Exception {
    IngestBenchmark.execute(
        database.dataSource(), "TRUNCATE trips, trip_hours, ingest_files RESTART IDENTITY");
    FileReport report = engine.ingest(List.of(input)).files().get(0);
    double rate = report.rowsIn() / (report.elapsedMillis() / 1000.0);
    System.out.printf(
        Locale.ROOT,
        "%-10s %,d rows in %.1f s: %,.0f rows/s%n",
        label,
        report.rowsIn(),
        report.elapsedMillis() / 1000.0,
        rate);
    return rate;
  }
}
