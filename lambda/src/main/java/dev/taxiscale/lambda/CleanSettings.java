package dev.taxiscale.lambda;

import java.util.Map;

/**
 * Where the cleaning function writes: raw objects under {@code rawPrefix} become clean objects
 * under {@code cleanPrefix}, in {@code cleanBucket} or, when that is empty, in the raw object's
 * bucket.
 *
 * <p>Read from {@value #CLEAN_BUCKET_ENV}, {@value #RAW_PREFIX_ENV} and {@value #CLEAN_PREFIX_ENV}.
 */
public record CleanSettings(String cleanBucket, String rawPrefix, String cleanPrefix) {
  public static final String CLEAN_BUCKET_ENV = "TAXISCALE_CLEAN_BUCKET";
  public static final String RAW_PREFIX_ENV = "TAXISCALE_RAW_PREFIX";
  public static final String CLEAN_PREFIX_ENV = "TAXISCALE_CLEAN_PREFIX";
  public static final String DEFAULT_RAW_PREFIX = "raw/";
  public static final String DEFAULT_CLEAN_PREFIX = "clean/";

  public CleanSettings {
    cleanBucket = cleanBucket == null || cleanBucket.isBlank() ? null : cleanBucket.strip();
    rawPrefix = rawPrefix == null ? DEFAULT_RAW_PREFIX : rawPrefix;
    cleanPrefix = cleanPrefix == null || cleanPrefix.isBlank() ? DEFAULT_CLEAN_PREFIX : cleanPrefix;
    if (cleanBucket == null && cleanPrefix.startsWith(rawPrefix)) {
      // the function would be triggered again by its own output, forever
      throw new IllegalArgumentException(
          "clean prefix '" + cleanPrefix + "' lies under raw prefix '" + rawPrefix + "'");
    }
  }

  public static CleanSettings fromEnvironment(Map<String, String> env) {
    return new CleanSettings(
        env.get(CLEAN_BUCKET_ENV), env.get(RAW_PREFIX_ENV), env.get(CLEAN_PREFIX_ENV));
  }

  /** The bucket the clean objects of a raw object in {@code rawBucket} go to. */
  String bucketFor(String rawBucket) {
    return cleanBucket == null ? rawBucket : cleanBucket;
  }
}
