package dev.taxiscale.spark;

import dev.taxiscale.ingest.IngestException;
import dev.taxiscale.ingest.InputFile;
import dev.taxiscale.ingest.InputResolver;
import dev.taxiscale.ingest.S3Inputs;
import dev.taxiscale.s3.S3Location;
import dev.taxiscale.s3.S3Settings;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Spark engine's inputs: resolved, checked and fingerprinted on the driver exactly as the local
 * engine does, then named for Hadoop, which the executors read through: local files by absolute
 * {@code file:} URI, S3 objects by {@code s3a://} address with the same endpoint and keys.
 */
final class SparkInputs implements AutoCloseable {
  /** Where Hadoop reads a file's bytes, and the settings it needs to get there. */
  record HadoopPath(String uri, Map<String, String> settings) implements Serializable {
    HadoopPath {
      // an immutable copy, also serializable: executors open Parquet files from it
      settings = Map.copyOf(settings);
    }
  }

  private final Path cacheDir;
  private final S3Settings s3;
  private final S3Inputs objects;
  private Map<String, String> s3aSettings;

  /**
   * @param s3 how to reach S3, or null to read it from the environment when an object comes up
   */
  SparkInputs(Path cacheDir, S3Settings s3) {
    this.cacheDir = cacheDir;
    this.s3 = s3;
    this.objects = new S3Inputs(s3);
  }

  /** Files, directories, http(s) URLs, {@code s3://} or {@code s3a://} objects and prefixes. */
  List<InputFile> resolve(List<String> inputs) throws IngestException {
    return new InputResolver(cacheDir, objects).resolve(inputs);
  }

  /** Where Hadoop reads {@code file}. */
  HadoopPath hadoopPath(InputFile file) {
    if (!isObject(file)) {
      // absolute, so a cluster whose default file system is HDFS still reads local disk
      return new HadoopPath(file.path().toAbsolutePath().toUri().toString(), Map.of());
    }
    return new HadoopPath(S3Location.parse(file.name()).s3aUri(), s3aSettings());
  }

  /**
   * Fails when an object no longer has the ETag it was registered with: each executor opens it
   * afresh, so a replacement during the load could mix two versions' rows.
   */
  void checkUnchanged(InputFile file, String fingerprint) throws IngestException {
    if (!isObject(file)) {
      return;
    }
    String now;
    try {
      now = objects.resolve(file.name()).get(0).stored().fingerprint();
    } catch (IOException e) {
      throw new IngestException(file.name() + ": " + e.getMessage(), e);
    }
    if (!now.equals(fingerprint)) {
      throw new IngestException(
          file.name() + ": the object changed while it was read (its ETag no longer matches)");
    }
  }

  /** Objects are named by their {@code s3://} address; no local input is. */
  private static boolean isObject(InputFile file) {
    return S3Location.isS3(file.name());
  }

  private Map<String, String> s3aSettings() {
    if (s3aSettings == null) {
      s3aSettings =
          S3aSettings.of(s3 == null ? S3Settings.fromEnvironment(System.getenv(), null) : s3);
    }
    return s3aSettings;
  }

  @Override
  public void close() {
    objects.close();
  }
}
