package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.ValueRow;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Builds and cleans the trips of one partition of Parquet records with the local engine's {@link
 * ValueRow}: each record holds the layout's columns in {@link Column} order, then its 0-based row
 * in the file.
 */
final class ProcessRecords implements FlatMapFunction<Iterator<Row>, LineResult> {
  private static final long serialVersionUID = 1L;

  private final ParquetLayout layout;
  private final Column[] columns;
  private final int fileId;
  private final FileContext context;

  /**
   * @param context what the rows are checked against beyond themselves, as the local engine's
   */
  ProcessRecords(ParquetLayout layout, Column[] columns, int fileId, FileContext context) {
    this.layout = layout;
    this.columns = columns.clone();
    this.fileId = fileId;
    this.context = context;
  }

  @Override
  public Iterator<LineResult> call(Iterator<Row> records) {
    ValueRow row = new ValueRow();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public LineResult next() {
        return process(records.next(), row);
      }
    };
  }

  LineResult process(Row record, ValueRow row) {
    row.clear();
    for (int i = 0; i < columns.length; i++) {
      row.set(columns[i], SparkValues.of(record.get(i)));
    }
    long rowNumber = record.getLong(columns.length) + 1;
    Outcome outcome = row.process(layout, fileId, rowNumber, context);
    return new LineResult(rowNumber, outcome, outcome instanceof Outcome.Kept ? null : row.raw());
  }
}
