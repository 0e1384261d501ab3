package dev.taxiscale.spark;

import dev.taxiscale.core.format.FileLayout;
import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * How a file's rows become {@link LineResult}s on the executors, numbered as the local engine
 * numbers them: CSV lines by physical line, Parquet records by row in the file.
 */
sealed interface RowSource extends Serializable permits CsvRows, ParquetRows {
  /** The layout stored with the file and shown in its report. */
  FileLayout layout();

  /**
   * Reads, builds and cleans every row of the file at {@code path}.
   *
   * @param minPartitions spread the rows over at least this many partitions, so that a file read in
   *     one task is still cleaned and copied on every core
   */
  JavaRDD<LineResult> results(
      SparkSession spark, SparkInputs.HadoopPath path, int fileId, int minPartitions);
}
