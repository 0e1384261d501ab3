package dev.taxiscale.ingest;

import dev.taxiscale.store.FileClaim;
import dev.taxiscale.store.FileCounts;
import dev.taxiscale.store.HourlySums;
import dev.taxiscale.store.TripCopyWriter;
import dev.taxiscale.store.TripHours;
import dev.taxiscale.store.ZoneHours;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Loads one file through a pipeline: a reader cuts it into batches of rows (blocks of CSV lines or
 * runs of Parquet records), parser threads parse, clean and encode them, and COPY threads stream
 * the encoded rows to PostgreSQL, into the table the file's {@link FileClaim} names.
 *
 * <p>Bounded queues between the stages keep memory flat and let the slowest stage set the pace.
 * Each COPY commits when the file ends; if anything fails, the COPYs are cancelled. The parsers
 * also add up the file's hourly sums, written with one more COPY once the trips are in, so the load
 * never reads its trips back.
 */
final class FileLoad<B> {
  private static final byte[] END = new byte[0];
  private static final Object NO_MORE_BATCHES = new Object();

  record Result(FileCounts counts, long skippedBlank, List<RejectSamples.Sample> samples) {}

  private final InputFile file;
  private final BatchSource<B> source;
  private final FileClaim claim;
  private final int fileId;
  private final DataSource dataSource;
  private final IngestOptions options;
  private final ProgressSink progress;

  private final BlockingQueue<Object> batches;
  private final BlockingQueue<byte[]> encoded;
  private final AtomicLong rowsDone = new AtomicLong();
  private final AtomicLong rowsCopied = new AtomicLong();
  private final AtomicInteger parsersLeft;
  private final List<Tally> tallies = new ArrayList<>();
  private final HourlySums hourlySums = new HourlySums();

  FileLoad(
      InputFile file,
      BatchSource<B> source,
      FileClaim claim,
      DataSource dataSource,
      IngestOptions options,
      ProgressSink progress) {
    this.file = file;
    this.source = source;
    this.claim = claim;
    this.fileId = claim.fileId();
    this.dataSource = dataSource;
    this.options = options;
    this.progress = progress;
    this.batches = new ArrayBlockingQueue<>(options.parallelism() * 2);
    this.encoded = new ArrayBlockingQueue<>(options.copyConnections() * 4);
    this.parsersLeft = new AtomicInteger(options.parallelism());
  }

  /** Runs the pipeline to the end of the file. */
  Result run() throws IOException, SQLException {
    long start = System.nanoTime();
    try (Stages stages =
        new Stages(1 + options.parallelism() + options.copyConnections(), "ingest")) {
      for (int i = 0; i < options.copyConnections(); i++) {
        stages.start(this::copy);
      }
      for (int i = 0; i < options.parallelism(); i++) {
        Tally tally = new Tally(options.rejectSamplesPerReason());
        tallies.add(tally);
        stages.start(() -> parse(tally));
      }
      stages.start(this::read);
      stages.await(options.progressInterval(), () -> report(start));
    } catch (IOException | SQLException | RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    FileCounts counts = Tally.counts(tallies);
    if (rowsCopied.get() != counts.kept()) {
      throw new SQLException(
          "PostgreSQL stored " + rowsCopied.get() + " rows where " + counts.kept() + " were sent");
    }
    if (!claim.replacing()) {
      // a reload's sums are computed where its trips are swapped in
      copyHourlySums();
    }
    List<RejectSamples> samples = tallies.stream().map(t -> t.samples).toList();
    return new Result(
        counts,
        Tally.blank(tallies),
        RejectSamples.merge(samples, options.rejectSamplesPerReason()));
  }

  private Void read() throws Exception {
    source.read(batches::put);
    for (int i = 0; i < options.parallelism(); i++) {
      batches.put(NO_MORE_BATCHES);
    }
    return null;
  }

  @SuppressWarnings("unchecked") // only the reader puts batches, all of type B, or the end mark
  private Void parse(Tally tally) throws InterruptedException {
    BatchSource.Parser<B> parser = source.parser(fileId, tally);
    try {
      long rows = 0;
      for (Object batch = batches.take(); batch != NO_MORE_BATCHES; batch = batches.take()) {
        byte[] copyRows = parser.parse((B) batch);
        if (copyRows.length > 0) {
          encoded.put(copyRows);
        }
        // a batch's sums have a few thousand keys: merging them holds the lock briefly, and the
        // file's sums stay one map however many parsers fill it
        synchronized (hourlySums) {
          hourlySums.addAll(parser.sums());
        }
        long now = parser.rows();
        rowsDone.addAndGet(now - rows);
        rows = now;
      }
    } finally {
      parser.close();
    }
    if (parsersLeft.decrementAndGet() == 0) {
      for (int i = 0; i < options.copyConnections(); i++) {
        encoded.put(END);
      }
    }
    return null;
  }

  private Void copy() throws SQLException, InterruptedException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (TripCopyWriter writer =
          TripCopyWriter.open(connection, claim.table(), source.columns())) {
        for (byte[] rows = encoded.take(); rows != END; rows = encoded.take()) {
          writer.writeEncoded(rows, 0, rows.length);
        }
        rowsCopied.addAndGet(writer.finish());
      } catch (SQLException e) {
        showFailureToPool(connection);
        throw e;
      }
    }
    return null;
  }

  private void copyHourlySums() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      long stored = TripHours.copy(connection, fileId, hourlySums);
      if (stored != hourlySums.size()) {
        throw new SQLException(
            "PostgreSQL stored "
                + stored
                + " hourly sums where "
                + hourlySums.size()
                + " were sent");
      }
      // zone-level trips are summed per zone from the stored rows: their zones are not known
      // to the parsers' square sums, and point files skip this after one probe
      ZoneHours.fill(connection, fileId);
    }
  }

  /**
   * COPY runs on the driver's connection beneath the pool's wrapper, so the pool never saw the
   * failure and would hand out a dead connection next. A statement through the wrapper fails the
   * same way if the connection is gone, which makes the pool drop it.
   */
  private static void showFailureToPool(Connection connection) {
    try (Statement probe = connection.createStatement()) {
      probe.execute("SELECT 1");
    } catch (SQLException expected) {
      // the pool has now seen the broken connection and will evict it
    }
  }

  private void report(long start) {
    progress.report(
        new Progress(
            file.name(),
            rowsDone.get(),
            source.bytesRead(),
            file.size(),
            Duration.ofNanos(System.nanoTime() - start)));
  }
}
