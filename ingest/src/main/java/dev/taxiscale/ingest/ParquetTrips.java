package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.store.TripColumns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet trip file: checked (magic bytes, footer, layout) when opened, then read as batches of
 * records by {@link ParquetColumns}, only the columns its layout maps.
 */
final class ParquetTrips implements BatchSource<ParquetBatch> {
  /** Records per batch: a few MB of values, enough to amortize queue hand-offs. */
  static final int BATCH_ROWS = 16_384;

  private final InputFile file;
  private final ParquetLayout.Match match;
  private final FileContext context;
  private final AtomicLong bytesRead = new AtomicLong();

  private ParquetTrips(InputFile file, ParquetLayout.Match match, FileContext context) {
    this.file = file;
    this.match = match;
    this.context = context;
  }

  /** The same file, its zone ids placed in these zones. */
  ParquetTrips placingIn(ZoneMap zones) {
    return new ParquetTrips(file, match, new FileContext(zones, context.month()));
  }

  /**
   * Checks the file and detects its layout from the footer's column names.
   *
   * @throws IngestException naming the file: not Parquet, truncated, unreadable or unknown columns
   */
  static ParquetTrips open(InputFile file) throws IngestException {
    ParquetMagic.check(file);
    List<String> columns = new ArrayList<>();
    try (ParquetFileReader reader = reader(file)) {
      for (Type field : reader.getFileMetaData().getSchema().getFields()) {
        if (field.isPrimitive()) {
          columns.add(field.getName());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IngestException(
          file.name() + ": unreadable Parquet footer: " + Failures.firstLine(e), e);
    }
    try {
      return new ParquetTrips(
          file, ParquetLayout.detect(columns), FileContext.of(file.fileName(), null));
    } catch (UnknownFormatException e) {
      throw new IngestException(
          file.name() + ": unknown Parquet layout: " + HeaderReader.abbreviate(e.getMessage()));
    }
  }

  ParquetLayout layout() {
    return match.layout();
  }

  @Override
  public void read(Sink<ParquetBatch> sink) throws IOException, InterruptedException {
    try (ParquetFileReader reader = reader(file)) {
      MessageType schema = reader.getFileMetaData().getSchema();
      ColumnDescriptor[] descriptors = descriptors(schema);
      reader.setRequestedSchema(projection(schema, descriptors));
      List<BlockMetaData> groups = reader.getRowGroups();
      long firstRow = 1;
      for (int group = 0; group < groups.size(); group++) {
        ParquetColumns columns =
            new ParquetColumns(
                reader.readNextRowGroup(),
                schema,
                descriptors,
                reader.getFileMetaData().getCreatedBy());
        bytesRead.addAndGet(groups.get(group).getCompressedSize());
        for (long left = columns.rows(); left > 0; ) {
          int rows = (int) Math.min(left, BATCH_ROWS);
          sink.put(columns.next(rows, firstRow));
          firstRow += rows;
          left -= rows;
        }
      }
    }
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  @Override
  public TripColumns columns() {
    return TripColumns.of(match.layout());
  }

  @Override
  public Parser<ParquetBatch> parser(int fileId, Tally tally) {
    return new ParquetBatchParser(match.layout(), fileId, tally, context, columns());
  }

  /** Per {@link Column} ordinal, the file's column it maps to, or null. */
  private ColumnDescriptor[] descriptors(MessageType schema) {
    ColumnDescriptor[] descriptors = new ColumnDescriptor[Column.COUNT];
    List<Type> fields = schema.getFields().stream().filter(Type::isPrimitive).toList();
    for (Column column : Column.values()) {
      int index = match.indexes()[column.ordinal()];
      if (index >= 0) {
        descriptors[column.ordinal()] =
            schema.getColumnDescription(new String[] {fields.get(index).getName()});
      }
    }
    return descriptors;
  }

  private static MessageType projection(MessageType schema, ColumnDescriptor[] descriptors) {
    List<Type> fields = new ArrayList<>();
    for (ColumnDescriptor descriptor : descriptors) {
      if (descriptor != null) {
        fields.add(schema.getType(descriptor.getPath()[0]));
      }
    }
    return new MessageType(schema.getName(), fields);
  }

  private static ParquetFileReader reader(InputFile file) throws IOException {
    return ParquetFileReader.open(
        new LocalInputFile(file.path()), HadoopFreeReadOptions.with(new ParquetCodecs()));
  }
}
