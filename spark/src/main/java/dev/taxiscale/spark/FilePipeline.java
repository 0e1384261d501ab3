package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.ingest.EngineSteps;
import dev.taxiscale.store.FileCounts;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark side of loading one registered file: number its lines, process every partition with the
 * shared {@link TripLineProcessor}, count exactly, COPY the kept trips from the executors and
 * optionally write them as Parquet.
 *
 * <p>Each stage is a method over RDDs so tests can feed it lines without a file.
 */
final class FilePipeline {
  private static final Logger log = LoggerFactory.getLogger(FilePipeline.class);

  private final SparkSession spark;
  private final JdbcTarget target;

  FilePipeline(SparkSession spark, JdbcTarget target) {
    this.spark = spark;
    this.target = target;
  }

  /** Loads the file at {@code path} (gzip read transparently) and reports what it held. */
  PipelineResult load(String path, FileJob job) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // plain files split into at least one partition per core; gzip cannot split and stays one
    JavaRDD<String> lines = FileLines.read(sc, path, sc.defaultParallelism());
    JavaRDD<LineResult> results =
        process(lines, job.processor(), job.fileId()).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long start = System.nanoTime();
      List<PartitionSummary> summaries = summarize(results);
      FileCounts counts = counts(summaries);
      long processed = System.nanoTime();
      long written = copy(keptTrips(results), job.fileId(), summaries);
      if (written != counts.kept()) {
        throw new IllegalStateException(
            "stored " + written + " trips but kept " + counts.kept() + " in " + path);
      }
      long copied = System.nanoTime();
      job.parquetDir().ifPresent(dir -> writeParquet(keptTrips(results), dir));
      log.debug(
          "{}: {} partitions, numbered and processed in {} ms, copied in {} ms, Parquet {} ms",
          path,
          summaries.size(),
          (processed - start) / 1_000_000,
          (copied - processed) / 1_000_000,
          (System.nanoTime() - copied) / 1_000_000);
      List<EngineSteps.RejectedLine> samples =
          RejectSamples.collect(results, job.rejectSamplesPerReason()).stream()
              .map(FilePipeline::rejectedLine)
              .toList();
      return new PipelineResult(counts, blanks(summaries), samples);
    } finally {
      results.unpersist(false);
    }
  }

  /** Numbers lines from 1, drops the header and runs the processor over each partition. */
  static JavaRDD<LineResult> process(
      JavaRDD<String> lines, TripLineProcessor processor, int fileId) {
    return lines
        .zipWithIndex()
        .filter(indexed -> indexed._2() > 0)
        .mapPartitions(new ProcessLines(processor, fileId));
  }

  static List<PartitionSummary> summarize(JavaRDD<LineResult> results) {
    return results
        .mapPartitionsWithIndex(
            (partition, it) -> List.of(PartitionSummary.of(partition, it)).iterator(), true)
        .collect();
  }

  static JavaRDD<Trip> keptTrips(JavaRDD<LineResult> results) {
    return results.filter(LineResult::isKept).map(r -> ((Outcome.Kept) r.outcome()).trip());
  }

  long copy(JavaRDD<Trip> kept, int fileId, List<PartitionSummary> summaries) {
    return kept
        .mapPartitionsWithIndex(new CopyPartition(target, fileId, summaries), true)
        .collect()
        .stream()
        .mapToLong(Long::longValue)
        .sum();
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

  private static EngineSteps.RejectedLine rejectedLine(LineResult result) {
    Outcome.Rejected rejected = (Outcome.Rejected) result.outcome();
    return new EngineSteps.RejectedLine(
        result.lineNumber(), rejected.reason(), rejected.detail(), result.rejectedLine());
  }

  static long blanks(List<PartitionSummary> summaries) {
    return summaries.stream().mapToLong(PartitionSummary::blanks).sum();
  }
}
