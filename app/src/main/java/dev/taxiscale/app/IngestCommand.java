package dev.taxiscale.app;

import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.spark.SparkEngine;
import dev.taxiscale.spark.SparkSessions;
import dev.taxiscale.spark.SparkSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taxiscale ingest}: parse, clean and load trip files with the local or Spark engine. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Parse, clean and load trip files (paths, directories, http(s) URLs, s3://bucket/key or"
            + " s3://bucket/prefix/; gzip ok).")
final class IngestCommand implements Callable<Integer> {
  /** The two engines; both run the same parsing and cleaning code. */
  enum Engine {
    local,
    spark
  }

  @Parameters(arity = "1..*", paramLabel = "FILE_OR_URL", description = "Trip files to load")
  List<String> inputs;

  @Option(
      names = "--engine",
      defaultValue = "local",
      description = "local or spark (default ${DEFAULT-VALUE})")
  Engine engine;

  @Option(names = "--force", description = "Reload files that were loaded before")
  boolean force;

  @Option(names = "--json", description = "Print a machine-readable summary on stdout")
  boolean json;

  @Option(names = "--rejects-dir", description = "Where to write samples of rejected lines")
  Path rejectsDir;

  @Option(
      names = "--spark-master",
      defaultValue = "${env:TAXISCALE_SPARK_MASTER:-local[*]}",
      description =
          "Spark master URL, e.g. local[*], spark://host:7077, k8s://... (default ${DEFAULT-VALUE})")
  String sparkMaster;

  @Option(names = "--parquet", description = "Spark engine: also write kept trips as Parquet here")
  Path parquetDir;

  @Option(
      names = "--s3-endpoint",
      description =
          "S3-compatible store for s3:// inputs (both engines), e.g. http://127.0.0.1:9000,"
              + " addressed path-style (default: $AWS_ENDPOINT_URL_S3, then $AWS_ENDPOINT_URL, else AWS S3)")
  String s3Endpoint;

  @Mixin DatabaseOptions database;

  @Override
  public Integer call() throws Exception {
    IngestOptions options =
        IngestOptions.defaults()
            .withForce(force)
            .withCacheDir(database.dataDir.resolve("downloads"))
            .withRejectsDir(rejectsDir == null ? database.dataDir.resolve("rejects") : rejectsDir);
    try (DatabaseHandle db = DatabaseHandle.open(database)) {
      IngestReport report = run(db, options);
      System.out.println(json ? ReportPrinter.json(report) : ReportPrinter.text(report));
      return 0;
    } catch (Exception e) {
      if (json) {
        // a script reading stdout learns of the failure there too; stderr keeps its one line
        System.out.println(ReportPrinter.jsonError(OneLineErrors.message(e)));
      }
      throw e;
    }
  }

  private IngestReport run(DatabaseHandle db, IngestOptions options)
      throws IngestException, java.io.IOException {
    ProgressSink progress = json ? ProgressSink.NONE : ProgressSink.printingTo(System.err);
    S3Settings s3 =
        s3Endpoint == null ? null : S3Settings.fromEnvironment(System.getenv(), s3Endpoint);
    if (engine == Engine.local) {
      return new LocalEngine(db.dataSource(), options, progress, s3).ingest(inputs);
    }
    SparkSettings settings = SparkSettings.fromEnvironment(System.getenv()).withMaster(sparkMaster);
    try (SparkSession spark = SparkSessions.start(settings)) {
      return new SparkEngine(spark, db.dataSource(), db.config(), options, parquetDir, progress, s3)
          .ingest(inputs);
    }
  }
}
