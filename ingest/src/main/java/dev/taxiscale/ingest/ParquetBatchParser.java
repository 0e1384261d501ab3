package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.core.format.ValueRow;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.HourlySums;
import dev.taxiscale.store.TripCopyEncoder;

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
  private final TripCopyEncoder encoder = new TripCopyEncoder(1 << 20);
  private final HourlySums sums = new HourlySums();

  ParquetBatchParser(FileLayout layout, int fileId, Tally tally, FileContext context) {
    this.layout = layout;
    this.fileId = fileId;
    this.tally = tally;
    this.context = context;
  }

  @Override
  public byte[] parse(ParquetBatch batch) {
    encoder.reset();
    sums.clear();
    Object[][] values = batch.values();
    for (int i = 0; i < batch.rows(); i++) {
      row.clear();
      for (Column column : COLUMNS) {
        Object[] columnValues = values[column.ordinal()];
        if (columnValues != null) {
          row.set(column, columnValues[i]);
        }
      }
      handle(batch.firstRow() + i);
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
    Trip trip = tally.count(outcome, rowNumber, row::raw);
    if (trip != null) {
      encoder.append(trip);
      sums.add(trip);
    }
  }
}
