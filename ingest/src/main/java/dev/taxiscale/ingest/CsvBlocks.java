package dev.taxiscale.ingest;

import dev.taxiscale.core.format.TripLineProcessor;
import java.io.InputStream;

/** A CSV file read as blocks of whole lines, each parsed by a {@link BlockParser}. */
final class CsvBlocks implements BatchSource<Block> {
  /** Whole lines per block: about 5,000 rows, enough to amortize queue hand-offs. */
  static final int BLOCK_BYTES = 1 << 20;

  private final InputFile file;
  private final TripLineProcessor processor;
  private volatile CountingInputStream stored;

  CsvBlocks(InputFile file, TripLineProcessor processor) {
    this.file = file;
    this.processor = processor;
  }

  @Override
  public void read(Sink<Block> sink) throws java.io.IOException, InterruptedException {
    stored = new CountingInputStream(file.stored().open());
    try (InputStream content = file.decompressed(stored)) {
      BlockReader reader = new BlockReader(content, BLOCK_BYTES);
      for (Block block = reader.next(); block != null; block = reader.next()) {
        sink.put(block);
      }
    }
  }

  @Override
  public long bytesRead() {
    CountingInputStream in = stored;
    return in == null ? 0 : in.count();
  }

  @Override
  public Parser<Block> parser(int fileId, Tally tally) {
    return new BlockParser(processor, fileId, tally);
  }
}
