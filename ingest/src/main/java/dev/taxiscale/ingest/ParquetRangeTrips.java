package dev.taxiscale.ingest;

import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.store.HourlySums;
import dev.taxiscale.store.TripColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Parquet trip file whose footer locates every page (an offset index), read by the parser threads
 * themselves: the reader only hands out row ranges of about {@link ParquetTrips#BATCH_ROWS} rows,
 * and each parser decodes its range's pages and builds, cleans and encodes its trips on one core.
 * Decoding is then spread over the parsers, and the values are used where they were made instead of
 * crossing from a reader thread.
 */
final class ParquetRangeTrips implements BatchSource<ParquetRowRange> {
  private final InputFile file;
  private final ParquetLayout layout;
  private final FileContext context;
  private final AtomicLong bytesRead = new AtomicLong();

  ParquetRangeTrips(InputFile file, ParquetLayout layout, FileContext context) {
    this.file = file;
    this.layout = layout;
    this.context = context;
  }

  @Override
  public void read(Sink<ParquetRowRange> sink) throws IOException, InterruptedException {
    List<ParquetRowRange> ranges;
    try (var reader = ParquetProjection.open(ParquetInputs.of(file))) {
      long rows = reader.getRecordCount();
      int wanted =
          (int) Math.max(1, (rows + ParquetTrips.BATCH_ROWS - 1) / ParquetTrips.BATCH_ROWS);
      ranges = ParquetRowRange.cut(reader, wanted);
    }
    for (ParquetRowRange range : ranges) {
      sink.put(range);
    }
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  @Override
  public TripColumns columns() {
    return TripColumns.of(layout);
  }

  @Override
  public Parser<ParquetRowRange> parser(int fileId, Tally tally) {
    ParquetBatchParser rows = new ParquetBatchParser(layout, fileId, tally, context, columns());
    return new Parser<>() {
      private ParquetRangeReader reader;

      @Override
      public byte[] parse(ParquetRowRange range) {
        try {
          if (reader == null) {
            reader = ParquetRangeReader.open(ParquetInputs.of(file), layout);
          }
          reader.start(range);
        } catch (IOException e) {
          // the engine names the file and describes the cause, as for a reader's failure
          throw new UncheckedIOException(e.getMessage(), e);
        }
        byte[] encoded = rows.parse(reader);
        bytesRead.addAndGet(range.bytes());
        return encoded;
      }

      @Override
      public HourlySums sums() {
        return rows.sums();
      }

      @Override
      public long rows() {
        return rows.rows();
      }

      @Override
      public void close() {
        try {
          if (reader != null) {
            reader.close();
          }
        } catch (IOException e) {
          // every range is read, or the load has failed already: nothing is lost
        }
      }
    };
  }
}
