package dev.taxiscale.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK failures into the short explanations a one-line message can carry. */
public final class S3Errors {
  private S3Errors() {}

  /** e.g. "no such bucket", "access denied", "endpoint unreachable: Connection refused". */
  public static String describe(SdkException e) {
    if (e instanceof S3Exception s3) {
      return describe(s3);
    }
    if (e instanceof SdkClientException) {
      return "endpoint unreachable: " + rootMessage(e);
    }
    return firstLine(e);
  }

  /** An SDK failure as the I/O failure that stream readers expect. */
  public static IOException asIOException(SdkException e) {
    return new IOException(describe(e), e);
  }

  private static String describe(S3Exception e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    int status = e.statusCode();
    if ("NoSuchBucket".equals(code)) {
      return "no such bucket";
    }
    if ("NoSuchKey".equals(code) || status == 404) {
      return "no such object";
    }
    if (status == 403) {
      return "access denied (" + (code == null ? "HTTP 403" : code) + ")";
    }
    if (status == 412) {
      return "the object changed while it was read (its ETag no longer matches)";
    }
    return "S3 error " + (code == null ? "HTTP " + status : code) + ": " + firstLine(e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof UncheckedIOException unchecked) {
      root = unchecked.getCause();
    }
    return firstLine(root);
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
