package dev.taxiscale.spark;

import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.ingest.EngineSteps;
import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.InputFile;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.ingest.ZonesOnce;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.FileClaim;
import dev.taxiscale.store.IngestFiles;
import dev.taxiscale.store.InterruptedLoads;
import dev.taxiscale.store.TripHours;
import dev.taxiscale.store.TripIndexes;
import dev.taxiscale.store.ZoneHours;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads trip files into PostgreSQL with Spark: the driver checks and registers each file, the
 * executors read it (CSV lines, or Parquet row ranges with the local engine's reader), build and
 * clean its trips with the same core code as the local engine (zone-based trips placed in the taxi
 * zones the driver reads once and broadcasts) and COPY the kept trips themselves, then the driver
 * computes the file's {@link TripHours} sums in SQL.
 *
 * <p>Same inputs, registry, ids, counts and report as the local engine, so either engine can load
 * or reload what the other loaded; executors read {@code s3://} objects through Hadoop's S3A
 * connector. {@link IngestOptions#parallelism()} and {@link IngestOptions#copyConnections()} do not
 * apply: the partitions set the parallelism.
 */
public final class SparkEngine {
  /** The engine name stored in {@code ingest_files}. */
  public static final String ENGINE = "spark";

  private static final Logger log = LoggerFactory.getLogger(SparkEngine.class);

  private final DataSource dataSource;
  private final IngestOptions options;
  private final S3Settings s3;
  private final Optional<Path> parquetDir;
  private final IngestFiles registry;
  private final InterruptedLoads interrupted;
  private final ZonesOnce zones;
  private final TripIndexes indexes;
  private final FilePipeline pipeline;
  private final SparkProgress progress;

  /**
   * @param dataSource the driver's connections, for the registry and the indexes
   * @param db how executors reach the same database
   * @param parquetDir where to also write kept trips as Parquet by pickup date, or null for none
   */
  public SparkEngine(
      SparkSession spark,
      DataSource dataSource,
      DbConfig db,
      IngestOptions options,
      Path parquetDir) {
    this(spark, dataSource, db, options, parquetDir, ProgressSink.NONE);
  }

  /**
   * The same, with a progress line for each file's load pass (rows and bytes read, rows/s, ETA)
   * about every two seconds, as the local engine prints them.
   */
  public SparkEngine(
      SparkSession spark,
      DataSource dataSource,
      DbConfig db,
      IngestOptions options,
      Path parquetDir,
      ProgressSink progressSink) {
    this(spark, dataSource, db, options, parquetDir, progressSink, null);
  }

  /**
   * The same, reaching {@code s3://} objects with {@code s3} (null: from the environment, as the
   * local engine does).
   */
  public SparkEngine(
      SparkSession spark,
      DataSource dataSource,
      DbConfig db,
      IngestOptions options,
      Path parquetDir,
      ProgressSink progressSink,
      S3Settings s3) {
    if (db.embedded()) {
      throw new IllegalArgumentException("executors need a JDBC URL, got " + db);
    }
    this.dataSource = dataSource;
    this.options = options;
    this.s3 = s3;
    this.parquetDir = Optional.ofNullable(parquetDir);
    this.registry = new IngestFiles(dataSource);
    this.interrupted = new InterruptedLoads(dataSource);
    this.zones = new ZonesOnce(dataSource);
    this.indexes = new TripIndexes(dataSource, 2);
    this.pipeline = new FilePipeline(spark, JdbcTarget.of(db));
    this.progress = new SparkProgress(progressSink);
    if (progressSink != ProgressSink.NONE) {
      spark.sparkContext().addSparkListener(progress);
    }
  }

  /** A file checked and ready to load. */
  private record Prepared(InputFile file, RowSource rows, String fingerprint) {
    FileLayout layout() {
      return rows.layout();
    }
  }

  /**
   * Loads the inputs (files, directories, http(s) URLs, {@code s3://} or {@code s3a://} objects and
   * prefixes) in order.
   *
   * @throws IngestException with a one-line message naming the file, when an input is unusable, the
   *     database fails or a Spark job fails; files finished before stay loaded
   */
  public IngestReport ingest(List<String> inputs) throws IngestException {
    long start = System.nanoTime();
    // the S3 client stays open to check each object's ETag again after its load
    try (SparkInputs files = new SparkInputs(options.cacheDir(), s3)) {
      List<Prepared> prepared = prepare(files.resolve(inputs));
      EngineSteps.recoverInterrupted(
          interrupted, prepared.isEmpty() ? "ingest" : prepared.get(0).file().name());
      List<FileReport> reports = new ArrayList<>();
      try {
        for (Prepared file : prepared) {
          reports.add(ingest(files, file, reports.stream().anyMatch(r -> !r.alreadyLoaded())));
        }
      } catch (IngestException | RuntimeException e) {
        EngineSteps.restoreIndexesAfter(indexes, e);
        throw e;
      }
      EngineSteps.restoreIndexes(indexes, false);
      return IngestReport.of(reports, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private FileReport ingest(SparkInputs files, Prepared file, boolean loadedBefore)
      throws IngestException {
    String name = file.file().name();
    try (FileClaim claim = claim(file, loadedBefore)) {
      if (claim.done()) {
        log.info("{} was loaded before as file {}, skipping", name, claim.fileId());
        return FileReport.of(
            name, claim.fileId(), file.layout(), claim.registration().counts(), 0, 0, true);
      }
      return load(files, file, claim);
    }
  }

  private FileClaim claim(Prepared file, boolean loadedBefore) throws IngestException {
    String name = file.file().name();
    FileClaim claim = null;
    try {
      claim =
          registry.claim(name, file.fingerprint(), file.layout().name(), ENGINE, options.force());
      if (!claim.done() && !loadedBefore) {
        indexes.dropIfEmpty();
      }
      return claim;
    } catch (SQLException e) {
      if (claim != null) {
        claim.close();
      }
      throw new IngestException(name + ": " + EngineSteps.describe(e), e);
    }
  }

  /**
   * Loads a claimed file. A reload's trips go to its staging table, and its sums are computed where
   * {@link FileClaim#finish} swaps them in.
   */
  private FileReport load(SparkInputs files, Prepared file, FileClaim claim)
      throws IngestException {
    String name = file.file().name();
    int fileId = claim.fileId();
    long start = System.nanoTime();
    progress.start(name, file.file().size());
    FileJob job =
        new FileJob(
            file.rows(), fileId, claim.table(), parquetDir, options.rejectSamplesPerReason());
    SparkInputs.HadoopPath path = files.hadoopPath(file.file());
    PipelineResult result =
        SparkFailures.run(name, EngineSteps.rerunHint(claim), () -> pipeline.load(path, job));
    files.checkUnchanged(file.file(), file.fingerprint());
    try {
      if (!claim.replacing()) {
        fillHourlySums(fileId);
      }
      claim.finish(result.counts());
    } catch (SQLException e) {
      throw new IngestException(name + ": " + EngineSteps.describe(e), e);
    }
    EngineSteps.writeRejects(options, file.file(), result.rejectedLines());
    long millis = (System.nanoTime() - start) / 1_000_000;
    FileReport report =
        FileReport.of(name, fileId, file.layout(), result.counts(), result.blanks(), millis, false);
    log.info(
        "{}: {} rows, {} kept, {} rejected in {} ms",
        name,
        report.rowsIn(),
        report.kept(),
        report.rejected(),
        millis);
    return report;
  }

  /**
   * The hourly sums from the file's stored trips: one read of its rows, which the count check has
   * just done too; the partitions do not aggregate, so no sums travel back to the driver.
   */
  private void fillHourlySums(int fileId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      TripHours.fill(connection, fileId);
      ZoneHours.fill(connection, fileId);
    }
  }

  private List<Prepared> prepare(List<InputFile> files) throws IngestException {
    List<Prepared> prepared = new ArrayList<>();
    for (InputFile file : files) {
      RowSource rows = rowsOf(file);
      try {
        prepared.add(new Prepared(file, rows, file.stored().fingerprint()));
      } catch (IOException e) {
        throw new IngestException(file.name() + ": " + EngineSteps.describe(e), e);
      }
    }
    return prepared;
  }

  /** Checks the file as the local engine does and says how its rows are read. */
  private RowSource rowsOf(InputFile file) throws IngestException {
    ParquetLayout parquet = EngineSteps.parquetLayout(file);
    if (parquet == null) {
      return new CsvRows(EngineSteps.detectFormat(file));
    }
    return new ParquetRows(
        parquet, parquet.zoneBased() ? zones.require(file.name(), parquet) : null);
  }
}
