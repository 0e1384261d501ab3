package dev.taxiscale.pipeline;

import java.time.Instant;

/**
 * Answers one query request given as its JSON; the transport neither parses nor knows the queries.
 * Implementations never throw for a bad request or an unreachable database: they return a {@link
 * Reply} with the matching problem. They must be thread-safe.
 */
@FunctionalInterface
public interface RequestHandler {
  Reply handle(byte[] requestJson);

  /**
   * The same for a request that came as a record: its correlation id and the requester's deadline,
   * for a handler whose answer names the request or must end in time (a whole ride request runs its
   * parts within it). Plain queries ignore both.
   */
  default Reply handle(byte[] requestJson, String correlationId, Instant deadline) {
    return handle(requestJson);
  }
}
