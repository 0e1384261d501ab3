package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.ValueRow;
import dev.taxiscale.core.zone.ZoneMap;
import java.time.YearMonth;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
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
  private final YearMonth month;
  private final Broadcast<ZoneMap> zones;
  private final Boolean[] nanosAdjusted;

  /**
   * @param month the month every pickup must fall in (the file's name), or null
   * @param zones the taxi zones that place a zone-based layout's trips, else null
   * @param nanosAdjusted per column, null unless it is TIMESTAMP(NANOS), read as its INT64 count;
   *     then whether its times are adjusted to UTC
   */
  ProcessRecords(
      ParquetLayout layout,
      Column[] columns,
      int fileId,
      YearMonth month,
      Broadcast<ZoneMap> zones,
      Boolean[] nanosAdjusted) {
    this.layout = layout;
    this.columns = columns.clone();
    this.fileId = fileId;
    this.month = month;
    this.zones = zones;
    this.nanosAdjusted = nanosAdjusted.clone();
  }

  @Override
  public Iterator<LineResult> call(Iterator<Row> records) {
    // every record sets the same columns, each value overwriting the last record's
    ValueRow row = new ValueRow();
    FileContext context = new FileContext(zones == null ? null : zones.value(), month);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public LineResult next() {
        return process(records.next(), row, context);
      }
    };
  }

  LineResult process(Row record, ValueRow row, FileContext context) {
    for (int i = 0; i < columns.length; i++) {
      Object value = record.get(i);
      row.set(
          columns[i],
          nanosAdjusted[i] != null && value instanceof Long count
              ? SparkValues.ofNanos(count, nanosAdjusted[i])
              : SparkValues.of(value));
    }
    long rowNumber = record.getLong(columns.length) + 1;
    Outcome outcome = row.process(layout, fileId, rowNumber, context);
    return new LineResult(rowNumber, outcome, outcome instanceof Outcome.Kept ? null : row.raw());
  }
}
