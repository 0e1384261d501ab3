package dev.taxiscale.spark;

import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.DatabaseUnavailableException;
import dev.taxiscale.store.DbConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Entry point for {@code spark-submit}: loads trip files into PostgreSQL with the {@link
 * SparkEngine}.
 *
 * <pre>
 * spark-submit --master k8s://https://kubernetes:443 --class dev.taxiscale.spark.SparkIngestMain \
 *   taxiscale-spark.jar --jdbc-url jdbc:postgresql://db:5432/taxiscale /data/yellow_2014-01.csv.gz
 * </pre>
 *
 * <p>Inputs must be readable at the same path on every executor (a shared volume), or http(s) URLs,
 * which the driver downloads into {@code --cache-dir} (then that must be shared), or {@code s3://}
 * objects, which executors read through Hadoop's S3A connector. Exit code 0 on success, 1 when a
 * file or the database fails, 2 on bad arguments.
 */
@Command(
    name = "taxiscale-spark-ingest",
    mixinStandardHelpOptions = true,
    description = "Parse, clean and load trip files into PostgreSQL with Spark.")
public final class SparkIngestMain implements Callable<Integer> {
  /** The driver only registers files and rebuilds indexes; executors open their own. */
  private static final int DRIVER_CONNECTIONS = 4;

  @Parameters(arity = "1..*", paramLabel = "FILE_OR_URL", description = "Trip files to load")
  List<String> inputs;

  @Option(
      names = "--jdbc-url",
      defaultValue = "${env:" + DbConfig.ENV_JDBC_URL + "}",
      description = "e.g. jdbc:postgresql://db:5432/taxiscale (env " + DbConfig.ENV_JDBC_URL + ")")
  String jdbcUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:" + DbConfig.ENV_USER + ":-" + DbConfig.DEFAULT_USER + "}",
      description = "database user (env " + DbConfig.ENV_USER + ", default ${DEFAULT-VALUE})")
  String user;

  /** Only from the environment: a password flag would show up in process lists. */
  private final String password =
      System.getenv().getOrDefault(DbConfig.ENV_PASSWORD, DbConfig.DEFAULT_PASSWORD);

  @Option(
      names = "--master",
      description =
          "Spark master; by default spark-submit's --master, else env "
              + SparkSettings.MASTER_ENV
              + ", else local[*]")
  String master;

  @Option(
      names = "--s3-endpoint",
      description =
          "S3-compatible store for s3:// inputs, e.g. http://127.0.0.1:9000, addressed path-style"
              + " (default: $AWS_ENDPOINT_URL_S3, then $AWS_ENDPOINT_URL, else AWS S3)")
  String s3Endpoint;

  @Option(names = "--force", description = "Reload files that were loaded before")
  boolean force;

  @Option(names = "--parquet-dir", description = "Also write kept trips as Parquet here")
  Path parquetDir;

  @Option(names = "--rejects-dir", description = "Where to write samples of rejected lines")
  Path rejectsDir;

  @Option(
      names = "--cache-dir",
      defaultValue = "data/downloads",
      description = "Where http(s) inputs are downloaded (default ${DEFAULT-VALUE})")
  Path cacheDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkIngestMain()).execute(args));
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DbConfig db = dbConfig();
    s3(); // a bad endpoint flag, like a bad database flag, costs no Spark start-up
    SparkSettings settings = SparkSettings.fromEnvironment(System.getenv());
    if (master != null) {
      settings = settings.withMaster(master);
    }
    SparkSession spark = SparkSessions.start(settings);
    spark.sparkContext().setLogLevel("WARN");
    try {
      return run(spark, db, System.out, System.err);
    } finally {
      spark.stop();
    }
  }

  /** Checks the database flags before anything starts, so a typo costs no Spark start-up. */
  DbConfig dbConfig() {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "Missing --jdbc-url (or env " + DbConfig.ENV_JDBC_URL + ")");
    }
    try {
      return new DbConfig(jdbcUrl, user, password, DRIVER_CONNECTIONS);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Loads the inputs in a running session and prints one line per file. */
  int run(SparkSession spark, DbConfig db, PrintStream out, PrintStream err) {
    try (Database database = Database.open(db)) {
      IngestReport report =
          new SparkEngine(
                  spark, database.dataSource(), db, options(), parquetDir, ProgressSink.NONE, s3())
              .ingest(inputs);
      report.files().forEach(file -> out.println(describe(file)));
      out.printf(
          Locale.ROOT,
          "total: %,d rows, %,d kept, %,d rejected in %.1f s%n",
          report.rowsIn(),
          report.kept(),
          report.rejected(),
          report.elapsedMillis() / 1000.0);
      return 0;
    } catch (IngestException | DatabaseUnavailableException e) {
      err.println("taxiscale-spark-ingest: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Null unless the flag is given, so that the engine reads the environment only when it meets S3;
   * a flag that is not a URL is a usage error.
   */
  S3Settings s3() {
    try {
      return s3Endpoint == null ? null : S3Settings.fromEnvironment(System.getenv(), s3Endpoint);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  IngestOptions options() {
    return IngestOptions.defaults()
        .withForce(force)
        .withRejectsDir(rejectsDir)
        .withCacheDir(cacheDir);
  }

  static String describe(FileReport file) {
    if (file.alreadyLoaded()) {
      return String.format(
          Locale.ROOT, "%s: loaded before as file %d, skipped", file.name(), file.fileId());
    }
    return String.format(
        Locale.ROOT,
        "%s: %,d rows, %,d kept, %,d rejected %s in %.1f s (%,.0f rows/s)",
        file.name(),
        file.rowsIn(),
        file.kept(),
        file.rejected(),
        file.rejects(),
        file.elapsedMillis() / 1000.0,
        file.rowsPerSecond());
  }
}
