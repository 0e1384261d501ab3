package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;

/**
 * One row group, or the pages of it that a row range needs, read column by column: the trip files
 * are flat, so each column's values come straight off its pages ({@link PageColumn}), a null
 * wherever the definition level says the value is missing.
 */
final class ParquetColumns {
  private final long rows;
  private final PageColumn[] columns = new PageColumn[Column.COUNT];

  /**
   * @param createdBy the writer the file's footer names
   */
  ParquetColumns(PageReadStore pages, ColumnDescriptor[] descriptors, String createdBy) {
    this.rows = pages.getRowCount();
    for (int i = 0; i < descriptors.length; i++) {
      if (descriptors[i] != null) {
        columns[i] = new PageColumn(pages.getPageReader(descriptors[i]), descriptors[i], createdBy);
      }
    }
  }

  long rows() {
    return rows;
  }

  /** Moves to row {@code first} of the row group, without building the values before it. */
  void skipTo(long first) {
    for (PageColumn column : columns) {
      if (column != null) {
        column.skipTo(first);
      }
    }
  }

  /** The next {@code count} records of the row group: from its first, or where skipped to. */
  ParquetBatch next(int count, long firstRow) {
    Object[][] batch = new Object[Column.COUNT][];
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] != null) {
        Object[] values = new Object[count];
        columns[c].read(values, count);
        batch[c] = values;
      }
    }
    return new ParquetBatch(batch, count, firstRow);
  }
}
