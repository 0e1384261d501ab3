package dev.taxiscale.pipeline;

/**
 * Answers one query request given as its JSON; the transport neither parses nor knows the queries.
 * Implementations never throw for a bad request or an unreachable database: they return a {@link
 * Reply} with the matching problem. They must be thread-safe.
 */
@FunctionalInterface
public interface RequestHandler {
  Reply handle(byte[] requestJson);
}
