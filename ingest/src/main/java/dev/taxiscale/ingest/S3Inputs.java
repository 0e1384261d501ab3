package dev.taxiscale.ingest;

import dev.taxiscale.s3.S3Location;
import dev.taxiscale.s3.S3ObjectInfo;
import dev.taxiscale.s3.S3Objects;
import dev.taxiscale.s3.S3Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Resolves {@code s3://bucket/key} and {@code s3://bucket/prefix/} inputs into objects streamed in
 * place; holds the S3 client until the load is over. Both engines resolve through it, so they name,
 * check and fingerprint objects alike.
 */
public final class S3Inputs implements InputResolver.ObjectStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(S3Inputs.class);

  private final S3Settings settings;
  private S3Client client;

  /** With {@code settings} null, they are read from the environment when first needed. */
  public S3Inputs(S3Settings settings) {
    this.settings = settings;
  }

  @Override
  public List<InputFile> resolve(String input) throws IngestException {
    S3Location location;
    try {
      location = S3Location.parse(input);
    } catch (IllegalArgumentException e) {
      throw new IngestException(input + ": " + e.getMessage(), e);
    }
    S3Objects objects;
    try {
      objects = new S3Objects(client());
    } catch (IllegalArgumentException e) {
      throw new IngestException(input + ": " + e.getMessage(), e);
    }
    List<S3ObjectInfo> found;
    try {
      found = objects.find(location);
    } catch (IOException e) {
      throw new IngestException(input + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      log.warn("{}: no objects under this prefix, nothing to load", input);
    }
    List<InputFile> files = new ArrayList<>();
    for (S3ObjectInfo object : found) {
      files.add(describe(objects, object));
    }
    return files;
  }

  private static InputFile describe(S3Objects objects, S3ObjectInfo object) throws IngestException {
    String name = object.location().toString();
    try {
      return InputFile.of(name, new S3Source(objects, object));
    } catch (IOException e) {
      throw new IngestException(name + ": " + e.getMessage(), e);
    }
  }

  private S3Client client() {
    if (client == null) {
      S3Settings s3 =
          settings == null ? S3Settings.fromEnvironment(System.getenv(), null) : settings;
      client = s3.client();
    }
    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
