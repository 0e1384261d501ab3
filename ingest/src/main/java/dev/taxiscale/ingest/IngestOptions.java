package dev.taxiscale.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an ingest run behaves; defaults in {@link #defaults()}, each overridable by a CLI flag.
 *
 * @param force reload files even when the same bytes were loaded before
 * @param rejectsDir where to write {@code <file>.rejects.csv} samples, or {@code null} for none
 * @param cacheDir where http(s) inputs are downloaded before loading
 * @param parallelism threads that parse and clean (the local engine also runs a reader thread and
 *     the COPY connections)
 * @param copyConnections COPY streams per file into PostgreSQL (local engine)
 * @param rejectSamplesPerReason how many rejected lines per reason and file to keep as samples
 * @param progressInterval how often to report progress
 */
public record IngestOptions(
    boolean force,
    Path rejectsDir,
    Path cacheDir,
    int parallelism,
    int copyConnections,
    int rejectSamplesPerReason,
    Duration progressInterval) {

  public static final Path DEFAULT_CACHE_DIR = Path.of("data", "downloads");
  public static final int DEFAULT_REJECT_SAMPLES = 20;
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(2);

  public IngestOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    if (copyConnections < 1 || copyConnections > 8) {
      throw new IllegalArgumentException(
          "copyConnections must be between 1 and 8, got " + copyConnections);
    }
    if (rejectSamplesPerReason < 0) {
      throw new IllegalArgumentException(
          "rejectSamplesPerReason must be >= 0, got " + rejectSamplesPerReason);
    }
    if (progressInterval == null || progressInterval.isNegative()) {
      throw new IllegalArgumentException("progressInterval must be >= 0, got " + progressInterval);
    }
    cacheDir = cacheDir == null ? DEFAULT_CACHE_DIR : cacheDir;
  }

  /**
   * No force, no rejects file, one parse thread and one COPY connection: on two cores the reader,
   * one parser and the PostgreSQL backend already keep both busy.
   */
  public static IngestOptions defaults() {
    return new IngestOptions(
        false,
        null,
        DEFAULT_CACHE_DIR,
        Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
        1,
        DEFAULT_REJECT_SAMPLES,
        DEFAULT_PROGRESS_INTERVAL);
  }

  public IngestOptions withForce(boolean reload) {
    return new IngestOptions(
        reload,
        rejectsDir,
        cacheDir,
        parallelism,
        copyConnections,
        rejectSamplesPerReason,
        progressInterval);
  }

  public IngestOptions withRejectsDir(Path dir) {
    return new IngestOptions(
        force,
        dir,
        cacheDir,
        parallelism,
        copyConnections,
        rejectSamplesPerReason,
        progressInterval);
  }

  public IngestOptions withCacheDir(Path dir) {
    return new IngestOptions(
        force,
        rejectsDir,
        dir,
        parallelism,
        copyConnections,
        rejectSamplesPerReason,
        progressInterval);
  }

  public IngestOptions withParallelism(int parseThreads, int copies) {
    return new IngestOptions(
        force,
        rejectsDir,
        cacheDir,
        parseThreads,
        copies,
        rejectSamplesPerReason,
        progressInterval);
  }

  public IngestOptions withProgressInterval(Duration interval) {
    return new IngestOptions(
        force,
        rejectsDir,
        cacheDir,
        parallelism,
        copyConnections,
        rejectSamplesPerReason,
        interval);
  }
}
