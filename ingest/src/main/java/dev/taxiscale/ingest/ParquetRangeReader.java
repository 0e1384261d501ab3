package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.format.ValueRow;
import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.internal.filter2.columnindex.RowRanges;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Reads {@link ParquetRowRange}s of a Parquet trip file as the local engine reads the whole file:
 * the same columns, values and row numbers, so another engine's tasks build the same trips and ids.
 *
 * <p>Where the file has an offset index (parquet-java writes one), only the pages holding the
 * range's rows are read and decompressed; else the whole row group is, and the rows before the
 * range are passed over without building their values. Not thread-safe.
 */
public final class ParquetRangeReader implements Closeable {
  private final ParquetFileReader reader;
  private final ParquetProjection projection;
  private final Column[] present;
  private final boolean usePageIndex;
  private ParquetColumns columns;
  private long left;
  private long nextRowNumber;
  private ParquetBatch batch;
  private int index;

  private ParquetRangeReader(
      ParquetFileReader reader, ParquetProjection projection, boolean usePageIndex) {
    this.reader = reader;
    this.projection = projection;
    this.usePageIndex = usePageIndex;
    this.present =
        Arrays.stream(Column.values())
            .filter(column -> projection.descriptors()[column.ordinal()] != null)
            .toArray(Column[]::new);
  }

  /**
   * Opens {@code file}, whose footer must still show {@code layout}, as when it was checked.
   *
   * @throws IOException when the footer cannot be read or now shows another layout
   */
  public static ParquetRangeReader open(InputFile file, ParquetLayout layout) throws IOException {
    return open(file, layout, true);
  }

  /** As {@link #open(InputFile, ParquetLayout)}; tests also read files with an index without it. */
  static ParquetRangeReader open(InputFile file, ParquetLayout layout, boolean usePageIndex)
      throws IOException {
    ParquetFileReader reader = ParquetProjection.open(file);
    try {
      MessageType schema = reader.getFileMetaData().getSchema();
      ParquetLayout.Match match = ParquetLayout.detect(ParquetProjection.plainColumns(schema));
      if (match.layout() != layout) {
        throw new IOException(file + " has the layout " + match.layout() + ", not " + layout);
      }
      ParquetProjection projection = ParquetProjection.of(schema, match);
      projection.request(reader);
      return new ParquetRangeReader(reader, projection, usePageIndex);
    } catch (IOException | UnknownFormatException | RuntimeException e) {
      reader.close();
      throw e instanceof IOException io ? io : new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code range} from now on; what was left of the range before is dropped. */
  public void start(ParquetRowRange range) throws IOException {
    BlockMetaData group = reader.getRowGroups().get(range.rowGroup());
    // with an offset index only the range's pages are read, the first starting at or before it
    PageReadStore pages =
        usePageIndex && projection.pagesIndexed(group)
            ? reader.readFilteredRowGroup(range.rowGroup(), rowRange(group.getRowCount(), range))
            : reader.readRowGroup(range.rowGroup());
    columns = projection.columns(pages, reader.getFileMetaData().getCreatedBy());
    columns.skipTo(range.first());
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

  /**
   * The range's rows in parquet-java's terms. Its public API builds row ranges only from pages of
   * an offset index, so the range is given as the first of two pages: its own rows, then the rest.
   */
  private static RowRanges rowRange(long groupRows, ParquetRowRange range) {
    long end = range.first() + range.rows();
    OffsetIndex pages =
        new OffsetIndex() {
          @Override
          public int getPageCount() {
            return 2;
          }

          @Override
          public long getOffset(int page) {
            return 0;
          }

          @Override
          public int getCompressedPageSize(int page) {
            return 0;
          }

          @Override
          public long getFirstRowIndex(int page) {
            return page == 0 ? range.first() : end;
          }
        };
    return RowRanges.create(groupRows, IntStream.of(0).iterator(), pages);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
