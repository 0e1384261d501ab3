package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.InputFile;

/**
 * Consecutive rows of one row group of a Parquet file, which a {@link ParquetRangeReader} reads: so
 * that several tasks share a file with fewer row groups than tasks (published files often have
 * one), each reading and building only its own rows.
 *
 * @param rowGroup the row group's index in the footer
 * @param first the 0-based row in the row group where the range starts
 * @param rows how many rows it holds, at least one
 * @param firstRowNumber the 1-based row number in the file of its first row
 * @param bytes its share of the row group's stored (compressed) bytes, for progress
 */
public record ParquetRowRange(int rowGroup, long first, long rows, long firstRowNumber, long bytes)
    implements Serializable {
  public ParquetRowRange {
    if (rowGroup < 0 || first < 0 || rows < 1 || firstRowNumber < 1 || bytes < 0) {
      throw new IllegalArgumentException(
          "a row range needs a row group >= 0, a first row >= 0, rows >= 1 and a row number >= 1,"
              + " got "
              + rowGroup
              + ", "
              + first
              + ", "
              + rows
              + ", "
              + firstRowNumber);
    }
  }

  /** Where a group's ranges may start: anywhere ({@link #ANY_ROW}), or only at these rows. */
  @FunctionalInterface
  interface PageStarts {
    long[] of(int rowGroup) throws IOException;
  }

  /** No page boundaries known: a range may start at any row. */
  static final long[] ANY_ROW = {};

  /**
   * Cuts the file's row groups into at least {@code wanted} ranges of about equal rows where it has
   * fewer row groups, else one range per row group. Where every column of a group has an offset
   * index and at least half as many common page starts as ranges, the cuts move to the nearest row
   * where all its columns start a page: a range starting inside a page would decode that page's
   * rows before it only to pass over them, once per column. Ranges may merge so; never split.
   *
   * @throws IOException when the footer or an offset index cannot be read
   */
  public static List<ParquetRowRange> cut(InputFile file, int wanted) throws IOException {
    try (ParquetFileReader reader = ParquetProjection.open(file)) {
      return cut(reader, wanted);
    }
  }

  /** As {@link #cut(InputFile, int)}, with the footer {@code reader} has read already. */
  static List<ParquetRowRange> cut(ParquetFileReader reader, int wanted) throws IOException {
    List<BlockMetaData> groups = reader.getRowGroups();
    return cut(groups, wanted, group -> pageStarts(reader, groups.get(group)));
  }

  static List<ParquetRowRange> cut(List<BlockMetaData> groups, int wanted, PageStarts starts)
      throws IOException {
    long total = groups.stream().mapToLong(BlockMetaData::getRowCount).sum();
    List<ParquetRowRange> ranges = new ArrayList<>();
    long rowNumber = 1;
    for (int group = 0; group < groups.size(); group++) {
      long rows = groups.get(group).getRowCount();
      long bytes = groups.get(group).getCompressedSize();
      // a group's share of the wanted ranges, at least one, never more than its rows
      long parts = Math.min(rows, Math.max(1, (rows * wanted + total - 1) / Math.max(1, total)));
      long[] pages = parts > 1 ? starts.of(group) : ANY_ROW;
      if (pages.length * 2 < parts) {
        // pages this large would merge most ranges: the parallelism is worth more than the decode
        pages = ANY_ROW;
      }
      TreeSet<Long> cuts = new TreeSet<>(List.of(0L, rows));
      for (long part = 1; part < parts; part++) {
        cuts.add(nearest(pages, rows * part / parts));
      }
      Long first = cuts.pollFirst();
      for (Long end : cuts) {
        long size = end - first;
        ranges.add(new ParquetRowRange(group, first, size, rowNumber + first, bytes * size / rows));
        first = end;
      }
      rowNumber += rows;
    }
    return ranges;
  }

  /** The page start nearest {@code row}, or {@code row} itself where no page starts are known. */
  static long nearest(long[] pageStarts, long row) {
    if (pageStarts.length == 0) {
      return row;
    }
    int at = Arrays.binarySearch(pageStarts, row);
    if (at >= 0) {
      return row;
    }
    int after = -at - 1;
    if (after == 0) {
      return pageStarts[0];
    }
    if (after == pageStarts.length) {
      return pageStarts[after - 1];
    }
    long below = pageStarts[after - 1];
    long above = pageStarts[after];
    return row - below <= above - row ? below : above;
  }

  /** The rows where every column of the group starts a page, or {@link #ANY_ROW}. */
  private static long[] pageStarts(ParquetFileReader reader, BlockMetaData group)
      throws IOException {
    TreeSet<Long> common = null;
    for (ColumnChunkMetaData column : group.getColumns()) {
      OffsetIndex index =
          column.getOffsetIndexReference() == null ? null : reader.readOffsetIndex(column);
      if (index == null) {
        return ANY_ROW;
      }
      TreeSet<Long> starts = new TreeSet<>();
      for (int page = 0; page < index.getPageCount(); page++) {
        starts.add(index.getFirstRowIndex(page));
      }
      if (common == null) {
        common = starts;
      } else {
        common.retainAll(starts);
      }
    }
    return common == null ? ANY_ROW : common.stream().mapToLong(Long::longValue).toArray();
  }
}
