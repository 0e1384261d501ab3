package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
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

  /**
   * Cuts the file's row groups into at least {@code wanted} ranges of about equal rows where it has
   * fewer row groups, else one range per row group.
   *
   * @throws IOException when the footer cannot be read
   */
  public static List<ParquetRowRange> cut(InputFile file, int wanted) throws IOException {
    try (ParquetFileReader reader = ParquetProjection.open(file)) {
      return cut(reader.getRowGroups(), wanted);
    }
  }

  static List<ParquetRowRange> cut(List<BlockMetaData> groups, int wanted) {
    long total = groups.stream().mapToLong(BlockMetaData::getRowCount).sum();
    List<ParquetRowRange> ranges = new ArrayList<>();
    long rowNumber = 1;
    for (int group = 0; group < groups.size(); group++) {
      long rows = groups.get(group).getRowCount();
      long bytes = groups.get(group).getCompressedSize();
      // a group's share of the wanted ranges, at least one, never more than its rows
      long parts = Math.min(rows, Math.max(1, (rows * wanted + total - 1) / Math.max(1, total)));
      for (long part = 0; part < parts; part++) {
        long first = rows * part / parts;
        long size = rows * (part + 1) / parts - first;
        ranges.add(new ParquetRowRange(group, first, size, rowNumber + first, bytes * size / rows));
      }
      rowNumber += rows;
    }
    return ranges;
  }
}
