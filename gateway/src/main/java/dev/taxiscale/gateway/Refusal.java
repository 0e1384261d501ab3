package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The 503 with Retry-After that turns a request away when the gateway is at capacity, built once:
 * its headers are encoded in advance and its body shared, so that under overload a refusal costs
 * the gateway next to nothing. It leaves the connection open, so that the client asks again over it
 * rather than opening another.
 */
final class Refusal {
  private final List<HttpField> fields;
  private final ByteBuffer body;

  /** A refusal asking the client to wait {@code retryAfterSeconds} before asking again. */
  Refusal(int retryAfterSeconds) {
    byte[] problem =
        Reply.of(Problem.overloaded("the gateway is at capacity; retry shortly")).body();
    List<HttpField> all = new ArrayList<>();
    all.add(new PreEncodedHttpField(HttpHeader.RETRY_AFTER, retryAfterSeconds));
    all.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
    all.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, problem.length));
    BrowserGuard.HEADERS.forEach((name, value) -> all.add(new PreEncodedHttpField(name, value)));
    this.fields = List.copyOf(all);
    this.body = ByteBuffer.wrap(problem).asReadOnlyBuffer();
  }

  /** Answers {@code response} with the refusal. */
  void send(Response response, Callback callback) {
    response.setStatus(503);
    for (HttpField field : fields) {
      response.getHeaders().put(field);
    }
    // a view of its own per answer: writing moves a buffer's position
    response.write(true, body.slice(), callback);
  }
}
