package dev.taxiscale.bench;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.Tables;
import dev.taxiscale.store.TripCopyWriter;
import dev.taxiscale.store.TripHours;
import dev.taxiscale.store.TripIndexes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the trips table with generated Yellow 2015 trips (the generator's hot spots and demand
 * curve), parsed and cleaned by the same processor as real files, then rebuilds the indexes and
 * computes the hourly sums.
 */
final class BenchData {
  private static final Logger log = LoggerFactory.getLogger(BenchData.class);

  /** The generator's default month for Yellow 2015: the benchmark's requests fall in it. */
  static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

  static final int DAYS = GeneratorConfig.DEFAULT_DAYS;
  private static final int FILE_ID = 1;
  private static final long ROWS_PER_COPY = 1_000_000;

  private final DataSource dataSource;

  BenchData(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Loads {@code rows} trips unless the table already holds exactly that many. */
  void ensure(long rows, long seed) throws SQLException, IOException {
    long present = count();
    if (present == rows) {
      log.info("trips table already holds {} rows", rows);
    } else {
      load(rows, seed);
    }
    // index-only scans of the rollup need its visibility map (a migration may just have filled it);
    // when nothing changed this skips every page
    execute("VACUUM ANALYZE " + Tables.TRIP_HOURS);
  }

  private void load(long rows, long seed) throws SQLException, IOException {
    execute("TRUNCATE " + Tables.TRIPS + ", " + Tables.TRIP_HOURS);
    TripIndexes indexes = new TripIndexes(dataSource, 2);
    indexes.dropIfEmpty();
    long start = System.nanoTime();
    long loaded =
        copy(GeneratorConfig.of(TripFormat.YELLOW_2015, rows).withSeed(seed).withDirtyShare(0));
    long copied = System.nanoTime();
    indexes.restore();
    long indexed = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      TripHours.fill(c, FILE_ID);
    }
    long summed = System.nanoTime();
    // index-only scans skip the table only for pages the visibility map marks all-visible
    execute("VACUUM trips");
    long vacuumed = System.nanoTime();
    log.info(
        "loaded {} trips: COPY {} s ({} rows/s), index build + ANALYZE {} s, hourly sums {} s,"
            + " VACUUM {} s",
        loaded,
        seconds(copied - start),
        Math.round(loaded / seconds(copied - start)),
        seconds(indexed - copied),
        seconds(summed - indexed),
        seconds(vacuumed - summed));
  }

  /** Reads the query indexes into the buffer cache, so the first measured queries are warm too. */
  void prewarm() throws SQLException {
    prewarm(dataSource, List.of(Tables.TRIPS, Tables.TRIP_HOURS), List.of());
  }

  /** Reads every index of {@code tables}, and the {@code indexes} named, into the buffer cache. */
  static void prewarm(DataSource dataSource, List<String> tables, List<String> indexes)
      throws SQLException {
    execute(dataSource, "CREATE EXTENSION IF NOT EXISTS pg_prewarm");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT indexrelname, pg_prewarm(indexrelid) FROM pg_stat_user_indexes"
                    + " WHERE relname = ANY(?) OR indexrelname = ANY(?)")) {
      s.setArray(1, c.createArrayOf("text", tables.toArray()));
      s.setArray(2, c.createArrayOf("text", indexes.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          log.info("prewarmed {}: {} pages", rs.getString(1), rs.getLong(2));
        }
      }
    }
  }

  private long copy(GeneratorConfig config) throws IOException, SQLException {
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    CompletableFuture<Void> generating =
        CompletableFuture.runAsync(
            () -> {
              try (out) {
                TripGenerator.write(config, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    long kept = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
      TripLineProcessor processor = processor(lines.readLine());
      long lineNumber = 1;
      boolean more = true;
      while (more) {
        try (Connection c = dataSource.getConnection();
            TripCopyWriter writer = TripCopyWriter.open(c)) {
          long inBatch = 0;
          String line;
          while (inBatch < ROWS_PER_COPY && (line = lines.readLine()) != null) {
            lineNumber++;
            if (!TripLineProcessor.isBlank(line)
                && processor.process(line, FILE_ID, lineNumber) instanceof Outcome.Kept k) {
              writer.write(k.trip());
              inBatch++;
            }
          }
          kept += writer.finish();
          more = inBatch == ROWS_PER_COPY && kept < config.rows();
        }
        log.info("copied {} trips", kept);
      }
    }
    generating.join();
    return kept;
  }

  private static TripLineProcessor processor(String header) throws IOException {
    try {
      return TripLineProcessor.forHeader(header);
    } catch (UnknownFormatException e) {
      throw new IOException("generator wrote an unknown header: " + header, e);
    }
  }

  private long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM trips")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    execute(dataSource, sql);
  }

  static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e8) / 10.0;
  }
}
