package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.ingest.EngineSteps;
import dev.taxiscale.store.FileCounts;
import dev.taxiscale.store.Tables;
import dev.taxiscale.store.TripColumns;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark side of loading one registered file: number its rows, then in one job build and clean
 * every partition's trips with the local engine's code ({@link TripLineProcessor} for CSV lines,
 * {@code ValueRow} for Parquet records), COPY its kept trips from the executor and count the rest
 * exactly; optionally write the kept trips as Parquet.
 *
 * <p>The line results are not cached: keeping a million parsed trips on the heap costs more than
 * parsing them (measured 2-3x), so the optional Parquet pass reads the file again.
 */
final class FilePipeline {
  private static final Logger log = LoggerFactory.getLogger(FilePipeline.class);

  private final SparkSession spark;
  private final JdbcTarget target;

  FilePipeline(SparkSession spark, JdbcTarget target) {
    this.spark = spark;
    this.target = target;
  }

  /** Loads the file at {@code path} (CSV, gzip read transparently, or Parquet). */
  PipelineResult load(SparkInputs.HadoopPath path, FileJob job) throws SQLException {
    long start = System.nanoTime();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<LineResult> results =
        job.rows().results(spark, path, job.fileId(), sc.defaultParallelism());
    List<PartitionSummary> summaries =
        SparkProgress.watching(
            sc,
            () ->
                copy(
                    results,
                    job.table(),
                    TripColumns.of(job.rows().layout()),
                    job.rejectSamplesPerReason()));
    FileCounts counts = counts(summaries);
    long loaded = System.nanoTime();
    StoredRows.check(target, job.table(), job.fileId(), counts.kept(), written(summaries));
    job.parquetDir().ifPresent(dir -> writeParquet(keptTrips(results), dir));
    log.debug(
        "{}: {} partitions loaded in {} ms, checked and Parquet in {} ms",
        path.uri(),
        summaries.size(),
        (loaded - start) / 1_000_000,
        (System.nanoTime() - loaded) / 1_000_000);
    List<EngineSteps.RejectedLine> samples =
        RejectSampleMerge.merge(summaries, job.rejectSamplesPerReason()).stream()
            .map(FilePipeline::rejectedLine)
            .toList();
    return new PipelineResult(counts, blanks(summaries), samples);
  }

  /** Numbers lines from 1, drops the header and runs the processor over each partition. */
  static JavaRDD<LineResult> process(
      JavaRDD<String> lines, TripLineProcessor processor, int fileId) {
    return process(lines, processor, fileId, 1);
  }

  /**
   * As {@link #process(JavaRDD, TripLineProcessor, int)}, but spreads numbered lines over at least
   * {@code minPartitions} partitions first, so that a gzip file, read in one partition, is still
   * parsed and copied on every core. Rows are identified by their line numbers, so the order in
   * which partitions see them does not matter.
   */
  static JavaRDD<LineResult> process(
      JavaRDD<String> lines, TripLineProcessor processor, int fileId, int minPartitions) {
    JavaPairRDD<String, Long> numbered = lines.zipWithIndex().filter(indexed -> indexed._2() > 0);
    if (numbered.getNumPartitions() < minPartitions) {
      numbered = numbered.repartition(minPartitions);
    }
    return numbered.mapPartitions(new ProcessLines(processor, fileId));
  }

  /** Runs the load job: one COPY per partition, one exact summary back per partition. */
  List<PartitionSummary> copy(JavaRDD<LineResult> results, int samplesPerReason) {
    return copy(results, Tables.TRIPS, TripColumns.COMMON, samplesPerReason);
  }

  /** The same, into {@code table}, filling {@code columns}. */
  List<PartitionSummary> copy(
      JavaRDD<LineResult> results, String table, TripColumns columns, int samplesPerReason) {
    return results
        .mapPartitionsWithIndex(new CopyPartition(target, table, columns, samplesPerReason), true)
        .collect();
  }

  static JavaRDD<Trip> keptTrips(JavaRDD<LineResult> results) {
    return results.filter(LineResult::isKept).map(r -> ((Outcome.Kept) r.outcome()).trip());
  }

  /**
   * Writes under {@code dir/pickup_date=.../file_id=...}: dynamic overwrite replaces only this
   * file's directories, so loading a file again leaves other files' data alone.
   */
  void writeParquet(JavaRDD<Trip> kept, Path dir) {
    spark
        .createDataFrame(kept.map(TripRows::toRow), TripRows.SCHEMA)
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(TripRows.PICKUP_DATE, TripRows.FILE_ID)
        .parquet(dir.toString());
  }

  static FileCounts counts(List<PartitionSummary> summaries) {
    long kept = 0;
    Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
    for (PartitionSummary summary : summaries) {
      kept += summary.kept();
      summary.rejects().forEach((reason, n) -> rejects.merge(reason, n, Long::sum));
    }
    return FileCounts.of(kept, rejects);
  }

  static long blanks(List<PartitionSummary> summaries) {
    return summaries.stream().mapToLong(PartitionSummary::blanks).sum();
  }

  static long written(List<PartitionSummary> summaries) {
    return summaries.stream().mapToLong(PartitionSummary::written).sum();
  }

  private static EngineSteps.RejectedLine rejectedLine(LineResult result) {
    Outcome.Rejected rejected = (Outcome.Rejected) result.outcome();
    return new EngineSteps.RejectedLine(
        result.lineNumber(), rejected.reason(), rejected.detail(), result.rejectedLine());
  }
}
