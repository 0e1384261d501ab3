package dev.taxiscale.pipeline.ride;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Merges the parts' replies into one ride-request answer: each part's result under its name, each
 * failed part's problem under {@code problems}, and {@code complete} true when no part failed.
 */
final class RideReply {
  private RideReply() {}

  /**
   * @param replies the reply of every part asked, in {@link RidePart} order
   */
  static Reply merge(String requestId, Map<RidePart, Reply> replies) {
    ObjectNode merged = QueryJson.mapper().createObjectNode();
    merged.put("type", RideRequest.TYPE);
    merged.put("requestId", requestId);
    ObjectNode problems = QueryJson.mapper().createObjectNode();
    replies.forEach(
        (part, reply) -> (reply.isOk() ? merged : problems).set(part.field(), tree(reply)));
    merged.put("complete", problems.isEmpty());
    if (!problems.isEmpty()) {
      merged.set("problems", problems);
    }
    return Reply.ok(merged.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode tree(Reply reply) {
    try {
      return QueryJson.mapper().readTree(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException("a part's reply is not JSON", e);
    }
  }
}
