package dev.taxiscale.spark;

import java.util.Map;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Reads a file's lines as {@code textFile} does (gzip decompressed transparently, plain files split
 * across partitions, partitions in file order) but ends lines at LF only, as the local engine does.
 *
 * <p>Hadoop's default reader also ends a line at a lone CR; a stray CR inside a row would then
 * shift every later line number, and with it the trip ids, away from the local engine's.
 */
final class FileLines {
  private static final String DELIMITER_KEY = "textinputformat.record.delimiter";

  private FileLines() {}

  /**
   * @param settings Hadoop settings for this read only, e.g. how to reach an object store
   * @param minPartitions a lower bound for splittable files; a gzip file is always one partition
   */
  static JavaRDD<String> read(
      JavaSparkContext sc, String path, Map<String, String> settings, int minPartitions) {
    JobConf conf = new JobConf(sc.hadoopConfiguration());
    settings.forEach(conf::set);
    conf.set(DELIMITER_KEY, "\n");
    FileInputFormat.setInputPaths(conf, path);
    return sc.hadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class, minPartitions)
        // Hadoop reuses the Text object: decode each line before anything keeps it
        .map(pair -> withoutCr(pair._2().toString()));
  }

  /** The line without the CR of a CRLF ending. */
  static String withoutCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
