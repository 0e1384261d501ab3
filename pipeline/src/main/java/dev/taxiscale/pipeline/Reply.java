package dev.taxiscale.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * The answer to one request as it travels back: a status and a JSON body, the query result when the
 * status is 200 and a {@link Problem} otherwise.
 */
public record Reply(int status, byte[] body) {
  public Reply {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status, got " + status);
    }
    if (body == null) {
      throw new IllegalArgumentException("body is required");
    }
  }

  /** A successful answer carrying a result's JSON. */
  public static Reply ok(byte[] resultJson) {
    return new Reply(200, resultJson);
  }

  /** A failed answer carrying the problem's JSON. */
  public static Reply of(Problem problem) {
    return new Reply(problem.status(), problem.toJson());
  }

  public boolean isOk() {
    return status == 200;
  }

  /** The media type of the body. */
  public String contentType() {
    return isOk() ? "application/json" : Problem.MEDIA_TYPE;
  }

  /** The body as text, for logs and tests. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
