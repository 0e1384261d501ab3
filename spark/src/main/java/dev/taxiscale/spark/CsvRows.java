package dev.taxiscale.spark;

import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.core.format.TripLineProcessor;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** A CSV file's lines, read as the local engine reads them and run through its processor. */
record CsvRows(TripLineProcessor processor) implements RowSource {
  @Override
  public FileLayout layout() {
    return processor.format();
  }

  /** Plain files split into a partition per core or more; gzip is read whole, then spread. */
  @Override
  public JavaRDD<LineResult> results(
      SparkSession spark, SparkInputs.HadoopPath path, int fileId, int minPartitions) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<String> lines = FileLines.read(sc, path.uri(), path.settings(), minPartitions);
    return FilePipeline.process(lines, processor, fileId, minPartitions);
  }
}
