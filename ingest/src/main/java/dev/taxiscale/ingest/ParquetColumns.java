package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
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
  private final List<IntFunction<ParquetVector>> vectors = new ArrayList<>(Column.COUNT);
  private final int[] maxDefinition = new int[Column.COUNT];

  ParquetColumns(
      PageReadStore pages, MessageType schema, ColumnDescriptor[] descriptors, String createdBy) {
    this.rows = pages.getRowCount();
    // the converter is never called: values are read from the column readers directly
    ColumnReadStoreImpl store =
        new ColumnReadStoreImpl(
            pages, new GroupRecordConverter(schema).getRootConverter(), schema, createdBy);
    for (int i = 0; i < descriptors.length; i++) {
      vectors.add(null);
      if (descriptors[i] != null) {
        readers[i] = store.getColumnReader(descriptors[i]);
        vectors.set(i, ParquetValues.vectors(descriptors[i].getPrimitiveType()));
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
    ParquetVector[] batch = new ParquetVector[Column.COUNT];
    for (int c = 0; c < readers.length; c++) {
      if (readers[c] != null) {
        batch[c] = vectors.get(c).apply(count);
        batch[c].fill(readers[c], maxDefinition[c]);
      }
    }
    return new ParquetBatch(batch, count, firstRow);
  }
}
