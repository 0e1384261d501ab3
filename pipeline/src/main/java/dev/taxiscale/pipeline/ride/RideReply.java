package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Merges the parts' replies into one ride-request answer: each part's result under its name, each
 * failed part's problem under {@code problems}, and {@code complete} true when no part failed.
 *
 * <p>The parts' bodies are copied in as they came, not parsed and written again: they are JSON
 * objects written by the workers, several kilobytes each, and re-encoding them cost the gateway
 * more than anything else it does for a ride. A body that is not an object cannot be spliced and
 * counts as the part's failure.
 */
final class RideReply {
  private static final byte[] TYPE = ascii("{\"type\":" + quoted(RideRequest.TYPE));
  private static final byte[] REQUEST_ID = ascii(",\"requestId\":");
  private static final byte[] COMPLETE = ascii(",\"complete\":");
  private static final byte[] PROBLEMS = ascii(",\"problems\":{");

  /** Each part's name as a JSON key with its colon, written once rather than per ride. */
  private static final Map<RidePart, byte[]> KEYS = new EnumMap<>(RidePart.class);

  static {
    for (RidePart part : RidePart.values()) {
      KEYS.put(part, ascii(quoted(part.field()) + ":"));
    }
  }

  private RideReply() {}

  /**
   * @param replies the reply of every part asked, in {@link RidePart} order
   */
  static Reply merge(String requestId, Map<RidePart, Reply> replies) {
    Map<RidePart, byte[]> answers = new EnumMap<>(RidePart.class);
    Map<RidePart, byte[]> problems = new EnumMap<>(RidePart.class);
    replies.forEach(
        (part, reply) -> {
          if (!isObject(reply.body())) {
            problems.put(
                part,
                Problem.internal("the " + part.field() + " part's reply is not a JSON object")
                    .toJson());
          } else {
            (reply.isOk() ? answers : problems).put(part, reply.body());
          }
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + size(answers) + size(problems));
    out.writeBytes(TYPE);
    out.writeBytes(REQUEST_ID);
    out.writeBytes(quoted(requestId).getBytes(StandardCharsets.UTF_8));
    answers.forEach(
        (part, body) -> {
          out.write(',');
          field(out, part, body);
        });
    out.writeBytes(COMPLETE);
    out.writeBytes(ascii(Boolean.toString(problems.isEmpty())));
    if (!problems.isEmpty()) {
      out.writeBytes(PROBLEMS);
      boolean first = true;
      for (Map.Entry<RidePart, byte[]> problem : problems.entrySet()) {
        if (!first) {
          out.write(',');
        }
        field(out, problem.getKey(), problem.getValue());
        first = false;
      }
      out.write('}');
    }
    out.write('}');
    return Reply.ok(out.toByteArray());
  }

  private static void field(ByteArrayOutputStream out, RidePart part, byte[] body) {
    out.writeBytes(KEYS.get(part));
    out.writeBytes(body);
  }

  /** Whether the body is one JSON object, as far as its first and last non-blank bytes tell. */
  private static boolean isObject(byte[] body) {
    int first = 0;
    int last = body.length - 1;
    while (first <= last && isBlank(body[first])) {
      first++;
    }
    while (last > first && isBlank(body[last])) {
      last--;
    }
    return first < last && body[first] == '{' && body[last] == '}';
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private static int size(Map<RidePart, byte[]> bodies) {
    return bodies.values().stream().mapToInt(body -> body.length + 16).sum();
  }

  /** The text as a JSON string, quotes and escapes included. */
  private static String quoted(String text) {
    try {
      return QueryJson.mapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a string always encodes", e);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
