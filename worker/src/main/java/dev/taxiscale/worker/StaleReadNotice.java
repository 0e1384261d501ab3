package dev.taxiscale.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Says in a result's {@code notices} when it was read from a replica further behind the primary
 * than the bound: a worker may answer from a lagging replica, never without saying so.
 */
public final class StaleReadNotice implements RequestHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RequestHandler inner;
  private final Supplier<Optional<String>> staleness;

  /**
   * @param staleness the notice to add while the replica is behind by more than the bound, empty
   *     while it is not; read on every answer, so it must be cheap (a cached reading)
   */
  public StaleReadNotice(RequestHandler inner, Supplier<Optional<String>> staleness) {
    this.inner = inner;
    this.staleness = staleness;
  }

  @Override
  public Reply handle(byte[] requestJson) {
    Reply reply = inner.handle(requestJson);
    Optional<String> notice = staleness.get();
    if (!reply.isOk() || notice.isEmpty()) {
      return reply;
    }
    return Reply.ok(withNotice(reply.body(), notice.get()));
  }

  static byte[] withNotice(byte[] resultJson, String notice) {
    try {
      JsonNode tree = JSON.readTree(resultJson);
      if (!(tree instanceof ObjectNode result)) {
        return resultJson;
      }
      JsonNode existing = result.get("notices");
      ArrayNode notices = existing instanceof ArrayNode a ? a : result.putArray("notices");
      notices.add(notice);
      return JSON.writeValueAsBytes(result);
    } catch (IOException e) {
      return resultJson;
    }
  }
}
