package dev.taxiscale.ingest;

import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.store.TripColumns;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.MessageType;

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
  private final boolean pagesIndexed;
  private final AtomicLong bytesRead = new AtomicLong();

  private ParquetTrips(
      InputFile file, ParquetLayout.Match match, FileContext context, boolean pagesIndexed) {
    this.file = file;
    this.match = match;
    this.context = context;
    this.pagesIndexed = pagesIndexed;
  }

  /** The same file, its zone ids placed in these zones. */
  ParquetTrips placingIn(ZoneMap zones) {
    return new ParquetTrips(file, match, new FileContext(zones, context.month()), pagesIndexed);
  }

  /**
   * Checks the file and detects its layout from the footer's column names.
   *
   * @throws IngestException naming the file: not Parquet, truncated, unreadable or unknown columns
   */
  static ParquetTrips open(InputFile file) throws IngestException {
    ParquetMagic.check(file);
    try (ParquetFileReader reader = reader(file)) {
      MessageType schema = reader.getFileMetaData().getSchema();
      ParquetLayout.Match match = ParquetLayout.detect(ParquetProjection.plainColumns(schema));
      ParquetProjection projection = ParquetProjection.of(schema, match);
      return new ParquetTrips(
          file,
          match,
          FileContext.of(file.fileName(), null),
          reader.getRowGroups().stream().allMatch(projection::pagesIndexed));
    } catch (UnknownFormatException e) {
      throw new IngestException(
          file.name() + ": unknown Parquet layout: " + HeaderReader.abbreviate(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      throw new IngestException(
          file.name() + ": unreadable Parquet footer: " + Failures.firstLine(e), e);
    }
  }

  /**
   * How the file's rows are read: where the footer locates every page, each parser thread reads its
   * own row ranges ({@link ParquetRangeTrips}); else this reader decodes the file on its thread.
   */
  BatchSource<?> source() {
    return pagesIndexed ? new ParquetRangeTrips(file, match.layout(), context) : this;
  }

  ParquetLayout layout() {
    return match.layout();
  }

  @Override
  public void read(Sink<ParquetBatch> sink) throws IOException, InterruptedException {
    try (ParquetFileReader reader = reader(file)) {
      ParquetProjection projection =
          ParquetProjection.of(reader.getFileMetaData().getSchema(), match);
      projection.request(reader);
      List<BlockMetaData> groups = reader.getRowGroups();
      long firstRow = 1;
      for (int group = 0; group < groups.size(); group++) {
        ParquetColumns columns =
            projection.columns(reader.readNextRowGroup(), reader.getFileMetaData().getCreatedBy());
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

  private static ParquetFileReader reader(InputFile file) throws IOException {
    return ParquetProjection.open(ParquetInputs.of(file));
  }
}
