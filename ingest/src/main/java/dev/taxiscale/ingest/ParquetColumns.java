package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.schema.MessageType;

/**
 * One row group read column by column: the trip files are flat, so each column's values come
 * straight off its reader, a null wherever the definition level says the value is missing.
 */
final class ParquetColumns {
  private final long rows;
  private final ColumnReader[] readers = new ColumnReader[Column.COUNT];
  private final ParquetValues.Reader[] values = new ParquetValues.Reader[Column.COUNT];
  private final int[] maxDefinition = new int[Column.COUNT];

  ParquetColumns(
      PageReadStore pages, MessageType schema, ColumnDescriptor[] descriptors, String createdBy) {
    this.rows = pages.getRowCount();
    // the converter is never called: values are read from the column readers directly
    ColumnReadStoreImpl store =
        new ColumnReadStoreImpl(
            pages, new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
    for (int i = 0; i < descriptors.length; i++) {
      if (descriptors[i] != null) {
        readers[i] = store.getColumnReader(descriptors[i]);
        values[i] = ParquetValues.readerFor(descriptors[i].getPrimitiveType());
        maxDefinition[i] = descriptors[i].getMaxDefinitionLevel();
      }
    }
  }

  long rows() {
    return rows;
  }

  /** Passes over the next {@code count} records without building their values. */
  void skip(long count) {
    for (int c = 0; c < readers.length; c++) {
      ColumnReader reader = readers[c];
      if (reader == null) {
        continue;
      }
      for (long row = 0; row < count; row++) {
        // consume() alone moves past the levels, not past a value that was not read
        if (reader.getCurrentDefinitionLevel() == maxDefinition[c]) {
          reader.skip();
        }
        reader.consume();
      }
    }
  }

  /** The next {@code count} records of the row group. */
  ParquetBatch next(int count, long firstRow) {
    Object[][] batch = new Object[Column.COUNT][];
    for (int c = 0; c < readers.length; c++) {
      ColumnReader reader = readers[c];
      if (reader == null) {
        continue;
      }
      Object[] column = new Object[count];
      for (int row = 0; row < count; row++) {
        if (reader.getCurrentDefinitionLevel() == maxDefinition[c]) {
          column[row] = values[c].read(reader);
        }
        reader.consume();
      }
      batch[c] = column;
    }
    return new ParquetBatch(batch, count, firstRow);
  }
}
