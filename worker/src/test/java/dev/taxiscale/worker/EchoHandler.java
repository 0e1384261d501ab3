package dev.taxiscale.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers with the request itself, or a 400 when it is not JSON; counts what it handled. */
public final class EchoHandler implements RequestHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final AtomicInteger handled = new AtomicInteger();
  private final long delayMillis;

  public EchoHandler(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  @Override
  public Reply handle(byte[] requestJson) {
    handled.incrementAndGet();
    try {
      MAPPER.readTree(requestJson);
    } catch (IOException e) {
      return Reply.of(Problem.invalid("body", "is not valid JSON"));
    }
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Reply.ok(requestJson);
  }

  public int handled() {
    return handled.get();
  }
}
