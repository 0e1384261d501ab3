package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.core.format.ValueRow;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.HourlySums;
import dev.taxiscale.store.TripColumns;
import dev.taxiscale.store.TripCopyEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds, cleans and encodes the trips of Parquet batches under the same rules as {@link
 * BlockParser}; one per parser thread.
 */
final class ParquetBatchParser implements BatchSource.Parser<ParquetBatch> {
  private static final Column[] COLUMNS = Column.values();

  private final FileLayout layout;
  private final int fileId;
  private final Tally tally;
  private final FileContext context;
  private final ValueRow row = new ValueRow();
  // one supplier for all rows, not a method reference allocated per row (seen in profiles)
  private final Supplier<String> raw = row::raw;
  private final TripCopyEncoder encoder;
  private final HourlySums sums = new HourlySums();

  ParquetBatchParser(
      FileLayout layout, int fileId, Tally tally, FileContext context, TripColumns columns) {
    this.layout = layout;
    this.fileId = fileId;
    this.tally = tally;
    this.context = context;
    this.encoder = new TripCopyEncoder(1 << 20, columns);
  }

  @Override
  public byte[] parse(ParquetBatch batch) {
    encoder.reset();
    sums.clear();
    Object[][] values = batch.values();
    List<Column> present = new ArrayList<>(COLUMNS.length);
    for (Column column : COLUMNS) {
      if (values[column.ordinal()] != null) {
        present.add(column);
      }
    }
    Column[] columns = present.toArray(Column[]::new);
    // every row of the batch sets the same columns, each value overwriting the last row's
    row.clear();
    for (int i = 0; i < batch.rows(); i++) {
      for (Column column : columns) {
        row.set(column, values[column.ordinal()][i]);
      }
      handle(batch.firstRow() + i);
    }
    return encoder.toByteArray();
  }

  /** The rows {@code rows} reads next (one row range), as {@link #parse(ParquetBatch)} does. */
  byte[] parse(ParquetRangeReader rows) {
    encoder.reset();
    sums.clear();
    // the reader sets the same columns for every row, each value overwriting the last row's
    for (long number = rows.next(row); number != 0; number = rows.next(row)) {
      handle(number);
    }
    return encoder.toByteArray();
  }

  @Override
  public HourlySums sums() {
    return sums;
  }

  @Override
  public long rows() {
    return tally.rows();
  }

  private void handle(long rowNumber) {
    Outcome outcome = row.process(layout, fileId, rowNumber, context);
    Trip trip = tally.count(outcome, rowNumber, raw);
    if (trip != null) {
      encoder.append(trip);
      sums.add(trip);
    }
  }
}
