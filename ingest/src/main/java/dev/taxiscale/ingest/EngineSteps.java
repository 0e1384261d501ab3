package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.store.FileClaim;
import dev.taxiscale.store.InterruptedLoads;
import dev.taxiscale.store.TripIndexes;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-file steps every ingest engine shares with {@link LocalEngine}, for engines outside this
 * package (the Spark engine): format checks, rejects file and one-line failure messages.
 */
public final class EngineSteps {
  private static final Logger log = LoggerFactory.getLogger(EngineSteps.class);

  /** The SQLSTATE of a claim refused because another process holds the file. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private EngineSteps() {}

  /**
   * Cleans up after loads whose process died, before anything loads: their files are then marked
   * {@code interrupted} and load again when named.
   *
   * @param firstFile the first file of this run, which a failure names as every ingest error does
   */
  public static void recoverInterrupted(InterruptedLoads loads, String firstFile)
      throws IngestException {
    try {
      List<Integer> files = loads.recover();
      if (!files.isEmpty()) {
        log.info("removed the partial rows of interrupted loads of files {}", files);
      }
    } catch (SQLException e) {
      throw new IngestException(
          firstFile + ": " + Failures.describe(e) + " (while recovering interrupted loads)", e);
    }
  }

  /** What a lost connection leaves: a first load unfinished, or a reload not swapped in. */
  public static String rerunHint(FileClaim claim) {
    return claim.replacing()
        ? "; the file keeps its earlier load, rerun to reload"
        : "; the file stays 'loading', rerun to finish";
  }

  /**
   * Rebuilds indexes dropped by this run or by an earlier one that did not finish, then vacuums and
   * analyzes; with {@code loaded} it vacuums and analyzes even when nothing was dropped.
   */
  public static void restoreIndexes(TripIndexes indexes, boolean loaded) throws IngestException {
    try {
      if (loaded || !indexes.pending().isEmpty()) {
        indexes.restore();
      }
    } catch (SQLException e) {
      throw new IngestException("rebuilding indexes: " + Failures.describe(e), e);
    }
  }

  /**
   * After a failed load the indexes are rebuilt; should that fail too (the database is gone), the
   * load's error is still the one reported and the next run rebuilds them.
   */
  public static void restoreIndexesAfter(TripIndexes indexes, Exception failure) {
    if (isBusy(failure)) {
      // the indexes pending are the live loader's to rebuild; doing it here would wait for its COPY
      return;
    }
    try {
      if (!indexes.pending().isEmpty()) {
        indexes.restore();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
      log.warn("indexes not rebuilt, the next ingest rebuilds them: {}", Failures.firstLine(e));
    }
  }

  /** Whether a load failed because another process is loading the same file. */
  static boolean isBusy(Exception failure) {
    return failure.getCause() instanceof SQLException sql
        && LOCK_NOT_AVAILABLE.equals(sql.getSQLState());
  }

  /** One rejected line for the rejects file. */
  public record RejectedLine(long line, Reason reason, String detail, String raw) {}

  /**
   * Checks a Parquet input as the local engine does (magic bytes at both ends, a readable footer,
   * columns of a known layout).
   *
   * @return the file's layout, or null when the file is not Parquet (by name or first bytes)
   * @throws IngestException naming the file: not Parquet after all, truncated, unreadable or
   *     unknown columns
   */
  public static ParquetLayout parquetLayout(InputFile file) throws IngestException {
    try {
      if (!ParquetMagic.isParquet(file)) {
        return null;
      }
    } catch (IOException e) {
      throw new IngestException(file.name() + ": " + Failures.describe(e), e);
    }
    return ParquetTrips.open(file).layout();
  }

  /** Reads a CSV file's header and builds its processor, rejecting what is not a trip CSV. */
  public static TripLineProcessor detectFormat(InputFile file) throws IngestException {
    return HeaderReader.detect(file);
  }

  /**
   * Writes {@code <file>.rejects.csv} into {@code options.rejectsDir()}, as the local engine does;
   * does nothing when the options name no directory.
   */
  public static void writeRejects(IngestOptions options, InputFile file, List<RejectedLine> lines)
      throws IngestException {
    if (options.rejectsDir() == null) {
      return;
    }
    Path target = options.rejectsDir().resolve(file.fileName() + InputResolver.REJECTS_SUFFIX);
    List<RejectSamples.Sample> samples =
        lines.stream()
            .map(l -> new RejectSamples.Sample(l.line(), l.reason(), l.detail(), l.raw()))
            .toList();
    try {
      RejectSamples.write(target, samples);
    } catch (IOException e) {
      throw new IngestException(target + ": cannot write rejects: " + Failures.firstLine(e), e);
    }
  }

  /** e.g. "corrupt or truncated gzip data (...)" or "read failed: ...". */
  public static String describe(IOException e) {
    return Failures.describe(e);
  }

  /** e.g. "database unavailable: ..." or "database error: ...". */
  public static String describe(SQLException e) {
    return Failures.describe(e);
  }

  /** Whether the database went away, as opposed to rejecting a statement. */
  public static boolean isConnectionLoss(SQLException e) {
    return Failures.isConnectionLoss(e);
  }

  /** The first line of an exception's message, or its class name. */
  public static String firstLine(Throwable e) {
    return Failures.firstLine(e);
  }
}
