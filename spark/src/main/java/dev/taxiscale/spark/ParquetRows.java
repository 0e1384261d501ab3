package dev.taxiscale.spark;

import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.ParquetRowRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A Parquet file read in row ranges: the driver cuts its row groups into at least one range per
 * wanted partition, and each task reads its own ranges with the local engine's reader, numbering
 * rows as it does, so trip ids (and the points placed in zones from them) equal the local engine's.
 *
 * <p>Spark's own Parquet source reads a row group in one task, and published files often have one:
 * one core then built every trip while the other idled (docs/bench.md). Ranges need no shuffle.
 *
 * @param zones the taxi zones a zone-based layout's trips are placed in, else null
 */
record ParquetRows(ParquetLayout layout, ZoneMap zones) implements RowSource {
  @Override
  public JavaRDD<LineResult> results(
      SparkSession spark, SparkInputs.HadoopPath path, int fileId, int minPartitions) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<ParquetRowRange> ranges;
    long bytes;
    try {
      Configuration conf = new Configuration(sc.hadoopConfiguration());
      path.settings().forEach(conf::set);
      HadoopInputFile file = HadoopInputFile.fromPath(new Path(path.uri()), conf);
      bytes = file.getLength();
      ranges = ParquetRowRange.cut(file, minPartitions);
    } catch (IOException e) {
      throw new UncheckedIOException(path.uri() + ": " + e.getMessage(), e);
    }
    // each executor deserializes the zones and prepares their shapes once, not once per task
    Broadcast<ZoneMap> shared = zones == null ? null : sc.broadcast(zones);
    return sc.parallelize(ranges, partitions(spark, ranges.size(), bytes, minPartitions))
        .mapPartitions(
            new ReadRanges(
                path,
                layout,
                fileId,
                // the month the file is named for, as the local engine checks it
                FileContext.monthOf(path.uri().substring(path.uri().lastIndexOf('/') + 1)),
                shared));
  }

  /**
   * One range per partition, unless there are more ranges than the file's bytes ask for ({@code
   * spark.sql.files.maxPartitionBytes} each, as Spark's file sources split): many small row groups
   * then share a partition (and its one COPY) in file order.
   */
  private static int partitions(SparkSession spark, int ranges, long bytes, int minPartitions) {
    long perPartition = spark.sessionState().conf().filesMaxPartitionBytes();
    long forBytes = (bytes + perPartition - 1) / perPartition;
    return (int) Math.max(1, Math.min(ranges, Math.max(minPartitions, forBytes)));
  }
}
