package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ParquetLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The columns of a Parquet trip file that its layout maps, as both engines read them: found by
 * their index in the footer's list of plain (top-level, primitive) columns.
 *
 * @param descriptors per {@link Column} ordinal, the file's column it maps to, or null
 */
record ParquetProjection(MessageType schema, ColumnDescriptor[] descriptors) {
  static ParquetProjection of(MessageType schema, ParquetLayout.Match match) {
    ColumnDescriptor[] descriptors = new ColumnDescriptor[Column.COUNT];
    List<String> names = plainColumns(schema);
    for (Column column : Column.values()) {
      int index = match.indexes()[column.ordinal()];
      if (index >= 0) {
        descriptors[column.ordinal()] =
            schema.getColumnDescription(new String[] {names.get(index)});
      }
    }
    return new ParquetProjection(schema, descriptors);
  }

  /** The footer's plain columns, by name, in file order: what a layout is detected from. */
  static List<String> plainColumns(MessageType schema) {
    List<String> columns = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (field.isPrimitive()) {
        columns.add(field.getName());
      }
    }
    return columns;
  }

  /** Opens a file with the codecs both engines decompress pages with. */
  static ParquetFileReader open(InputFile file) throws IOException {
    return ParquetFileReader.open(file, HadoopFreeReadOptions.with(new ParquetCodecs()));
  }

  /** Asks {@code reader} for the mapped columns only. */
  void request(ParquetFileReader reader) {
    List<Type> fields = new ArrayList<>();
    for (ColumnDescriptor descriptor : descriptors) {
      if (descriptor != null) {
        fields.add(schema.getType(descriptor.getPath()[0]));
      }
    }
    reader.setRequestedSchema(new MessageType(schema.getName(), fields));
  }

  /** Reads {@code pages} (one row group, or part of one) through the mapped columns. */
  ParquetColumns columns(PageReadStore pages, String createdBy) {
    return new ParquetColumns(pages, descriptors, createdBy);
  }

  /**
   * Whether the footer locates every page of the mapped columns in {@code group} (an offset index).
   */
  boolean pagesIndexed(BlockMetaData group) {
    Set<ColumnPath> read = new HashSet<>();
    for (ColumnDescriptor descriptor : descriptors) {
      if (descriptor != null) {
        read.add(ColumnPath.get(descriptor.getPath()));
      }
    }
    return group.getColumns().stream()
        .filter(column -> read.contains(column.getPath()))
        .allMatch(column -> column.getOffsetIndexReference() != null);
  }
}
