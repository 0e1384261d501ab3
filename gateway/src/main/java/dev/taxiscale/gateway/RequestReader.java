package dev.taxiscale.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns an HTTP request into a validated {@link QueryRequest}: checks the media type and size,
 * parses the JSON and takes the query type from the path when the body leaves it out.
 */
final class RequestReader {
  private final int maxBodyBytes;

  RequestReader(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * @param pathType the query type the path names, or {@code null} when the body must name it
   * @throws ValidationException naming the field that is wrong
   */
  QueryRequest read(Context ctx, String pathType) {
    ObjectNode object = readObject(ctx);
    if (pathType != null) {
      applyPathType(object, pathType);
    }
    return QueryJson.readRequest(object);
  }

  /** The body as one JSON object, checked for media type and size. */
  ObjectNode readObject(Context ctx) {
    requireJson(ctx.contentType());
    JsonNode tree = parse(body(ctx));
    if (!(tree instanceof ObjectNode object)) {
      throw new ValidationException("body", "must be one JSON object");
    }
    return object;
  }

  private static void requireJson(String contentType) {
    String media = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    if (!media.equalsIgnoreCase("application/json")) {
      throw new ValidationException(
          "Content-Type",
          "must be application/json, got " + (media.isEmpty() ? "none" : "'" + media + "'"));
    }
  }

  private byte[] body(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      if (body.length == 0) {
        throw new ValidationException("body", "is empty: send one JSON object");
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ValidationException tooLarge() {
    return new ValidationException("body", "is larger than " + maxBodyBytes + " bytes");
  }

  private static JsonNode parse(byte[] body) {
    try {
      return QueryJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new ValidationException("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void applyPathType(ObjectNode object, String pathType) {
    JsonNode given = object.get("type");
    if (given == null || given.isNull()) {
      object.put("type", pathType);
    } else if (!pathType.equals(given.asText())) {
      throw new ValidationException(
          "type", "must be '" + pathType + "' on this path, got '" + given.asText() + "'");
    }
  }

  /** A problem for an unknown query path, naming the allowed types. */
  static ProblemException unknownType(String given, String allowed) {
    return new ProblemException(
        Problem.invalid("type", "unknown query type '" + given + "', allowed: " + allowed));
  }
}
