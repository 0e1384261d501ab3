package dev.taxiscale.ingest;

import dev.taxiscale.store.HourlySums;
import dev.taxiscale.store.TripColumns;

/**
 * How {@link FileLoad} reads one file: a reader that cuts it into batches of rows (blocks of CSV
 * lines, runs of Parquet records) and, per parser thread, a parser that turns a batch into COPY
 * rows.
 */
interface BatchSource<B> {
  /** Hands every batch of the file to {@code sink}, in file order, on the reader thread. */
  void read(Sink<B> sink) throws Exception;

  /** Stored bytes read so far, for progress. */
  long bytesRead();

  /** The columns the parsers' COPY rows fill. */
  default TripColumns columns() {
    return TripColumns.COMMON;
  }

  /** A parser for one thread, counting into {@code tally}. */
  Parser<B> parser(int fileId, Tally tally);

  /** Takes the batches as they are read; blocks while the parsers are behind. */
  interface Sink<B> {
    void put(B batch) throws InterruptedException;
  }

  /** Parses, cleans and encodes batches on one parser thread. */
  interface Parser<B> {
    /** The batch's kept trips as COPY text, possibly empty. */
    byte[] parse(B batch);

    /** The hourly sums of the last batch's kept trips, until the next batch is parsed. */
    HourlySums sums();

    /** Data rows this parser has seen so far, for progress. */
    long rows();

    /** Releases what the parser opened (a file it reads itself); called once it is done. */
    default void close() {}
  }
}
