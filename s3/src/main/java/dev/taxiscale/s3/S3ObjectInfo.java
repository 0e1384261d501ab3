package dev.taxiscale.s3;

/**
 * One stored object as listed: enough to read it consistently and to recognize it again.
 *
 * @param etag the object's entity tag (quotes removed); reads are pinned to it
 */
public record S3ObjectInfo(S3Location location, long size, String etag) {
  public S3ObjectInfo {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    etag = etag == null ? "" : etag.replace("\"", "");
  }

  /** Identifies these bytes for idempotent loads: bucket, key and ETag. */
  public String fingerprint() {
    return "s3:" + location.bucket() + "/" + location.key() + ":" + etag;
  }
}
