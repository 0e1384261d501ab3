package dev.taxiscale.lambda;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one object as a multipart upload: nothing exists under the key until {@link #complete}, so
 * a reader never sees half a file, and {@link #abort} leaves no stored parts behind.
 */
final class MultipartWriter {
  /** S3's smallest part but the last is 5 MiB; a little more keeps the part count low. */
  static final int PART_BYTES = 8 << 20;

  private final S3Client client;
  private final String bucket;
  private final String key;
  private final String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(PART_BYTES + (1 << 16));

  MultipartWriter(S3Client client, String bucket, String key) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
    this.uploadId =
        client
            .createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("text/csv"))
            .uploadId();
  }

  void write(byte[] bytes) {
    pending.writeBytes(bytes);
    if (pending.size() >= PART_BYTES) {
      uploadPending();
    }
  }

  /** Uploads what is left and makes the object appear under its key. */
  void complete() {
    if (pending.size() > 0 || parts.isEmpty()) {
      uploadPending();
    }
    client.completeMultipartUpload(
        b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
  }

  /** Discards the parts uploaded so far; the key stays as it was. */
  void abort() {
    client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
  }

  private void uploadPending() {
    int number = parts.size() + 1;
    String etag =
        client
            .uploadPart(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(pending.toByteArray()))
            .eTag();
    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    pending.reset();
  }
}
