package dev.taxiscale.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Finds objects (one key, or every key under a prefix) and opens them for streaming. */
public final class S3Objects {
  private final S3Client client;

  public S3Objects(S3Client client) {
    this.client = client;
  }

  /**
   * The object a location names, or the objects under its prefix in key order, without folder
   * markers and without the rejects summaries the cleaning function writes beside its output.
   *
   * @throws IOException with a short reason (no such bucket, access denied, ...)
   */
  public List<S3ObjectInfo> find(S3Location location) throws IOException {
    try {
      return location.isPrefix() ? list(location) : List.of(head(location));
    } catch (SdkException e) {
      throw S3Errors.asIOException(e);
    }
  }

  /** The stored bytes of one object, read in ranges pinned to its ETag. */
  public InputStream open(S3ObjectInfo object) {
    return new S3RangeStream(client, object);
  }

  /**
   * The stored bytes of one object from {@code from} up to {@code to} (exclusive), read as {@link
   * #open(S3ObjectInfo)} reads them, in one GET up to 16 MiB: for readers that jump about and know
   * how much they want, such as Parquet's.
   *
   * @throws IllegalArgumentException unless {@code 0 <= from <= to <= object.size()}
   */
  public InputStream open(S3ObjectInfo object, long from, long to) {
    return new S3RangeStream(client, object, from, to, S3RangeStream.RANGE_BYTES);
  }

  private S3ObjectInfo head(S3Location location) {
    HeadObjectResponse head =
        client.headObject(b -> b.bucket(location.bucket()).key(location.key()));
    return new S3ObjectInfo(location, head.contentLength(), head.eTag());
  }

  private List<S3ObjectInfo> list(S3Location prefix) {
    List<S3ObjectInfo> objects = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(prefix.bucket()).prefix(prefix.key()).build();
    for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
      if (!object.key().endsWith("/") && !CleanObjects.isSummary(object.key())) {
        objects.add(new S3ObjectInfo(prefix.withKey(object.key()), object.size(), object.eTag()));
      }
    }
    return objects;
  }
}
