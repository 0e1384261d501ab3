package dev.taxiscale.s3;

/**
 * An {@code s3://bucket/key} address: one object, or with a key that is empty or ends in {@code /},
 * every object under that prefix. Hadoop's {@code s3a://} spelling names the same objects.
 */
public record S3Location(String bucket, String key) {
  public static final String SCHEME = "s3://";

  /** The scheme of Hadoop's S3A connector, which Spark reads objects through. */
  public static final String S3A_SCHEME = "s3a://";

  public S3Location {
    if (bucket == null || bucket.isEmpty() || bucket.contains("/")) {
      throw new IllegalArgumentException(
          "'" + bucket + "' is not a bucket name, expected s3://bucket/key or s3://bucket/prefix/");
    }
    key = key == null ? "" : key;
  }

  /** Whether an input names S3 rather than a local path or URL. */
  public static boolean isS3(String input) {
    return input.startsWith(SCHEME) || input.startsWith(S3A_SCHEME);
  }

  /**
   * Parses {@code s3://bucket}, {@code s3://bucket/prefix/} or {@code s3://bucket/key}, or the same
   * with {@code s3a://}.
   */
  public static S3Location parse(String input) {
    if (!isS3(input)) {
      throw new IllegalArgumentException(
          "'" + input + "' does not start with " + SCHEME + " or " + S3A_SCHEME);
    }
    String scheme = input.startsWith(SCHEME) ? SCHEME : S3A_SCHEME;
    String rest = input.substring(scheme.length());
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Location(rest, "")
        : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** Whether this names every object under a prefix rather than one object. */
  public boolean isPrefix() {
    return key.isEmpty() || key.endsWith("/");
  }

  /** Another object in the same bucket. */
  public S3Location withKey(String otherKey) {
    return new S3Location(bucket, otherKey);
  }

  /** The key's last segment, e.g. {@code yellow_tripdata_2014-01.csv}. */
  public String fileName() {
    String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The same address for Hadoop's S3A connector, e.g. {@code s3a://trips/raw/yellow.csv}. */
  public String s3aUri() {
    return S3A_SCHEME + bucket + "/" + key;
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
