package dev.taxiscale.ingest;

import dev.taxiscale.core.format.FileLayout;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.store.FileClaim;
import dev.taxiscale.store.IngestFiles;
import dev.taxiscale.store.InterruptedLoads;
import dev.taxiscale.store.TripIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads trip files into PostgreSQL on this machine, streaming each file through parse, clean and
 * COPY at once.
 *
 * <p>Every input is checked (found, readable, recognized) before anything loads. Each file is
 * registered in {@code ingest_files}: a file loaded before is skipped, and one whose loader died is
 * cleaned up ({@link InterruptedLoads}) and reloaded from scratch, so reruns converge. A forced
 * reload keeps the old rows until the new ones are all in, then swaps them in one transaction
 * ({@link FileClaim}). Loading into an empty table drops the secondary indexes and rebuilds them at
 * the end.
 */
public final class LocalEngine {
  /** The engine name stored in {@code ingest_files}. */
  public static final String ENGINE = "local";

  private static final Logger log = LoggerFactory.getLogger(LocalEngine.class);

  private final DataSource dataSource;
  private final IngestOptions options;
  private final ProgressSink progress;
  private final IngestFiles registry;
  private final InterruptedLoads interrupted;
  private final TripIndexes indexes;
  private final S3Settings s3;
  private final ZonesOnce zones;

  /** An engine that reaches {@code s3://} inputs as the environment says. */
  public LocalEngine(DataSource dataSource, IngestOptions options, ProgressSink progress) {
    this(dataSource, options, progress, null);
  }

  /**
   * @param s3 how to reach {@code s3://} inputs, or {@code null} to read that from the environment
   *     once an input needs it
   */
  public LocalEngine(
      DataSource dataSource, IngestOptions options, ProgressSink progress, S3Settings s3) {
    this.dataSource = dataSource;
    this.options = options;
    this.progress = progress;
    this.s3 = s3;
    this.registry = new IngestFiles(dataSource);
    this.interrupted = new InterruptedLoads(dataSource);
    this.indexes = new TripIndexes(dataSource, 2);
    this.zones = new ZonesOnce(dataSource);
  }

  /** A file checked and ready to load. */
  private record Prepared(
      InputFile file, FileLayout layout, BatchSource<?> source, String fingerprint) {}

  /**
   * Loads the inputs (files, directories, http(s) URLs, {@code s3://} objects and prefixes) in
   * order.
   *
   * @throws IngestException with a one-line message naming the file, when an input is unusable or
   *     the database fails; files finished before stay loaded
   */
  public IngestReport ingest(List<String> inputs) throws IngestException {
    // the S3 client stays open while the objects stream through the load
    try (S3Inputs objects = new S3Inputs(s3)) {
      return ingestFiles(new InputResolver(options.cacheDir(), objects).resolve(inputs));
    }
  }

  private IngestReport ingestFiles(List<InputFile> files) throws IngestException {
    long start = System.nanoTime();
    List<Prepared> prepared = prepare(files);
    EngineSteps.recoverInterrupted(
        interrupted, prepared.isEmpty() ? "ingest" : prepared.get(0).file().name());
    List<FileReport> reports = new ArrayList<>();
    try {
      for (Prepared file : prepared) {
        reports.add(ingest(file, reports.stream().anyMatch(r -> !r.alreadyLoaded())));
      }
    } catch (IngestException e) {
      if (!(e.getCause() instanceof SQLException sql && Failures.isConnectionLoss(sql))) {
        EngineSteps.restoreIndexesAfter(indexes, e);
      }
      throw e;
    }
    EngineSteps.restoreIndexes(indexes, reports.stream().anyMatch(r -> !r.alreadyLoaded()));
    return IngestReport.of(reports, (System.nanoTime() - start) / 1_000_000);
  }

  private FileReport ingest(Prepared file, boolean loadedBefore) throws IngestException {
    try (FileClaim claim = claim(file)) {
      if (claim.done()) {
        return skipped(file, claim);
      }
      if (!loadedBefore) {
        dropIndexes(file);
      }
      return load(file, claim);
    }
  }

  private List<Prepared> prepare(List<InputFile> files) throws IngestException {
    List<Prepared> prepared = new ArrayList<>();
    for (InputFile file : files) {
      try {
        if (ParquetMagic.isParquet(file)) {
          ParquetTrips trips = ParquetTrips.open(file);
          if (trips.layout().zoneBased()) {
            trips = trips.placingIn(zones.require(file.name(), trips.layout()));
          }
          prepared.add(
              new Prepared(file, trips.layout(), trips.source(), file.stored().fingerprint()));
        } else {
          TripLineProcessor processor = HeaderReader.detect(file);
          prepared.add(
              new Prepared(
                  file,
                  processor.format(),
                  new CsvBlocks(file, processor),
                  file.stored().fingerprint()));
        }
      } catch (IOException e) {
        throw new IngestException(file.name() + ": " + Failures.describe(e), e);
      }
    }
    return prepared;
  }

  private FileClaim claim(Prepared file) throws IngestException {
    try {
      return registry.claim(
          file.file().name(), file.fingerprint(), file.layout().name(), ENGINE, options.force());
    } catch (SQLException e) {
      throw new IngestException(file.file().name() + ": " + Failures.describe(e), e);
    }
  }

  /** Removes a failed load's rows and claim, so that the file does not stay loading. */
  private static IngestException abandon(FileClaim claim, IngestException failure) {
    try {
      claim.abandon();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }

  private FileReport skipped(Prepared file, FileClaim claim) {
    log.info("{} was loaded before as file {}, skipping", file.file().name(), claim.fileId());
    return FileReport.of(
        file.file().name(),
        claim.fileId(),
        file.layout(),
        claim.registration().counts(),
        0,
        0,
        true);
  }

  private FileReport load(Prepared file, FileClaim claim) throws IngestException {
    String name = file.file().name();
    long start = System.nanoTime();
    FileLoad.Result result;
    try {
      result =
          new FileLoad<>(file.file(), file.source(), claim, dataSource, options, progress).run();
      claim.finish(result.counts());
    } catch (SQLException e) {
      if (Failures.isConnectionLoss(e)) {
        throw new IngestException(
            name + ": " + Failures.describe(e) + EngineSteps.rerunHint(claim), e);
      }
      throw abandon(claim, new IngestException(name + ": " + Failures.describe(e), e));
    } catch (IOException e) {
      throw abandon(claim, new IngestException(name + ": " + Failures.describe(e), e));
    } catch (UncheckedIOException e) {
      // a parser thread that reads its own bytes (Parquet row ranges) fails as a reader does
      throw abandon(claim, new IngestException(name + ": " + Failures.describe(e.getCause()), e));
    } catch (RuntimeException e) {
      throw abandon(claim, new IngestException(name + ": " + Failures.firstLine(e), e));
    }
    writeRejects(file.file(), result);
    long millis = (System.nanoTime() - start) / 1_000_000;
    FileReport report =
        FileReport.of(
            name,
            claim.fileId(),
            file.layout(),
            result.counts(),
            result.skippedBlank(),
            millis,
            false);
    log.info(
        "{}: {} rows, {} kept, {} rejected in {} ms",
        name,
        report.rowsIn(),
        report.kept(),
        report.rejected(),
        millis);
    return report;
  }

  private void writeRejects(InputFile file, FileLoad.Result result) throws IngestException {
    if (options.rejectsDir() == null) {
      return;
    }
    Path target = options.rejectsDir().resolve(file.fileName() + InputResolver.REJECTS_SUFFIX);
    try {
      RejectSamples.write(target, result.samples());
    } catch (IOException e) {
      throw new IngestException(target + ": cannot write rejects: " + Failures.firstLine(e), e);
    }
  }

  private void dropIndexes(Prepared file) throws IngestException {
    try {
      indexes.dropIfEmpty();
    } catch (SQLException e) {
      throw new IngestException(file.file().name() + ": " + Failures.describe(e), e);
    }
  }
}
