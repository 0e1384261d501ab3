package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.ValueRow;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.ParquetRangeReader;
import dev.taxiscale.ingest.ParquetRowRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.executor.InputMetrics;

/**
 * Builds and cleans the trips of one partition's row ranges of a Parquet file with the local
 * engine's reader and {@link ValueRow}: the same values and row numbers, so the same trips and ids.
 */
final class ReadRanges implements FlatMapFunction<Iterator<ParquetRowRange>, LineResult> {
  private static final long serialVersionUID = 1L;

  private final SparkInputs.HadoopPath path;
  private final ParquetLayout layout;
  private final int fileId;
  private final YearMonth month;
  private final Broadcast<ZoneMap> zones;

  /**
   * @param month the month every pickup must fall in (the file's name), or null
   * @param zones the taxi zones that place a zone-based layout's trips, else null
   */
  ReadRanges(
      SparkInputs.HadoopPath path,
      ParquetLayout layout,
      int fileId,
      YearMonth month,
      Broadcast<ZoneMap> zones) {
    this.path = path;
    this.layout = layout;
    this.fileId = fileId;
    this.month = month;
    this.zones = zones;
  }

  @Override
  public Iterator<LineResult> call(Iterator<ParquetRowRange> ranges) throws IOException {
    if (!ranges.hasNext()) {
      return Collections.emptyIterator();
    }
    ParquetRangeReader reader = ParquetRangeReader.open(inputFile(), layout);
    TaskContext task = TaskContext.get();
    if (task != null) {
      // closed however the task ends, also when the COPY fails halfway
      task.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener) done -> closeQuietly(reader));
    }
    FileContext context = new FileContext(zones == null ? null : zones.value(), month);
    return new Rows(
        reader, ranges, context, task == null ? null : task.taskMetrics().inputMetrics());
  }

  /** The file through Hadoop, as the driver named it: a local file or an S3A object. */
  private HadoopInputFile inputFile() throws IOException {
    Configuration conf = new Configuration();
    path.settings().forEach(conf::set);
    return HadoopInputFile.fromPath(new Path(path.uri()), conf);
  }

  private static void closeQuietly(ParquetRangeReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // the rows are all read or the task has failed already; nothing is lost
    }
  }

  /** The results of the ranges' rows, read one range after the other. */
  private final class Rows implements Iterator<LineResult> {
    private final ParquetRangeReader reader;
    private final Iterator<ParquetRowRange> ranges;
    private final FileContext context;
    private final InputMetrics metrics;
    // every row sets the same columns, each value overwriting the last row's
    private final ValueRow row = new ValueRow();
    private long rowNumber;

    Rows(
        ParquetRangeReader reader,
        Iterator<ParquetRowRange> ranges,
        FileContext context,
        InputMetrics metrics) {
      this.reader = reader;
      this.ranges = ranges;
      this.context = context;
      this.metrics = metrics;
    }

    @Override
    public boolean hasNext() {
      while (rowNumber == 0) {
        rowNumber = reader.next(row);
        if (rowNumber == 0) {
          if (!ranges.hasNext()) {
            return false;
          }
          start(ranges.next());
        }
      }
      return true;
    }

    @Override
    public LineResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      long number = rowNumber;
      rowNumber = 0;
      if (metrics != null) {
        metrics.incRecordsRead(1);
      }
      Outcome outcome = row.process(layout, fileId, number, context);
      return new LineResult(number, outcome, outcome instanceof Outcome.Kept ? null : row.raw());
    }

    private void start(ParquetRowRange range) {
      try {
        reader.start(range);
      } catch (IOException e) {
        throw new UncheckedIOException(path.uri() + ": " + e.getMessage(), e);
      }
      if (metrics != null) {
        metrics.incBytesRead(range.bytes());
      }
    }
  }
}
