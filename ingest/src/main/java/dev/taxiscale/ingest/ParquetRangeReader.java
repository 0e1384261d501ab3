package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.format.ValueRow;
import java.io.Closeable;
import java.io.IOException;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;

/**
 * Reads {@link ParquetRowRange}s of a Parquet trip file as the local engine reads the whole file:
 * the same columns, values and row numbers, so another engine's tasks build the same trips and ids.
 *
 * <p>A range's row group is read and decompressed whole, and the rows before the range are passed
 * over without building their values. Not thread-safe.
 */
public final class ParquetRangeReader implements Closeable {
  private final ParquetFileReader reader;
  private final ParquetProjection projection;
  private final Column[] present;
  private ParquetColumns columns;
  private long left;
  private long nextRowNumber;
  private ParquetBatch batch;
  private int index;

  private ParquetRangeReader(ParquetFileReader reader, ParquetProjection projection) {
    this.reader = reader;
    this.projection = projection;
    this.present =
        java.util.Arrays.stream(Column.values())
            .filter(column -> projection.descriptors()[column.ordinal()] != null)
            .toArray(Column[]::new);
  }

  /**
   * Opens {@code file}, whose footer must still show {@code layout}, as when it was checked.
   *
   * @throws IOException when the footer cannot be read or now shows another layout
   */
  public static ParquetRangeReader open(InputFile file, ParquetLayout layout) throws IOException {
    ParquetFileReader reader = ParquetProjection.open(file);
    try {
      var schema = reader.getFileMetaData().getSchema();
      ParquetLayout.Match match = ParquetLayout.detect(ParquetProjection.plainColumns(schema));
      if (match.layout() != layout) {
        throw new IOException(file + " has the layout " + match.layout() + ", not " + layout);
      }
      ParquetProjection projection = ParquetProjection.of(schema, match);
      projection.request(reader);
      return new ParquetRangeReader(reader, projection);
    } catch (IOException | UnknownFormatException | RuntimeException e) {
      reader.close();
      throw e instanceof IOException io ? io : new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code range} from now on; what was left of the range before is dropped. */
  public void start(ParquetRowRange range) throws IOException {
    columns =
        projection.columns(
            reader.readRowGroup(range.rowGroup()), reader.getFileMetaData().getCreatedBy());
    columns.skip(range.first());
    left = range.rows();
    nextRowNumber = range.firstRowNumber();
    batch = null;
  }

  /**
   * Sets the next row's values in {@code row}, each column the file maps (null where missing).
   *
   * @return the row's 1-based number in the file, or 0 once the range is read
   */
  public long next(ValueRow row) {
    if (batch == null || index == batch.rows()) {
      if (left == 0) {
        return 0;
      }
      int rows = (int) Math.min(left, ParquetTrips.BATCH_ROWS);
      batch = columns.next(rows, nextRowNumber);
      left -= rows;
      nextRowNumber += rows;
      index = 0;
    }
    Object[][] values = batch.values();
    for (Column column : present) {
      row.set(column, values[column.ordinal()][index]);
    }
    return batch.firstRow() + index++;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
