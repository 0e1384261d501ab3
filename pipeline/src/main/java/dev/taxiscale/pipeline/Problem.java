package dev.taxiscale.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An RFC 9457 problem body ({@code application/problem+json}): why a request got no answer.
 *
 * @param type a URI naming the kind of problem, e.g. {@code urn:taxiscale:problem:invalid-request}
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param field the JSON path of the offending request field, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:taxiscale:problem:";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public Problem {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem's status is 4xx or 5xx, got " + status);
    }
    if (type == null || title == null || detail == null) {
      throw new IllegalArgumentException("type, title and detail are required");
    }
  }

  /** 400: the request is malformed or a field holds a value that is not allowed. */
  public static Problem invalid(String field, String detail) {
    return new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400, detail, field);
  }

  /** 404: nothing is served at this path. */
  public static Problem notFound(String detail) {
    return new Problem(TYPE_PREFIX + "not-found", "Not found", 404, detail, null);
  }

  /** 422: a valid request the cost guard will not run; the detail says what to narrow. */
  public static Problem refused(String field, String detail) {
    return new Problem(TYPE_PREFIX + "too-costly", "Query too costly", 422, detail, field);
  }

  /** 409: a valid request that needs data not loaded yet; the detail says how to load it. */
  public static Problem missingData(String field, String detail) {
    return new Problem(TYPE_PREFIX + "data-not-loaded", "Data not loaded", 409, detail, field);
  }

  /** 500: a fault on our side; the detail says no more than needed. */
  public static Problem internal(String detail) {
    return new Problem(TYPE_PREFIX + "internal", "Internal error", 500, detail, null);
  }

  /** 503: a component the answer needs (Kafka, PostgreSQL) cannot be reached. */
  public static Problem unavailable(String detail) {
    return new Problem(TYPE_PREFIX + "unavailable", "Service unavailable", 503, detail, null);
  }

  /** 503: too many requests are in flight; retry later. */
  public static Problem overloaded(String detail) {
    return new Problem(
        TYPE_PREFIX + "overloaded", "Too many requests in flight", 503, detail, null);
  }

  /** 504: no reply came in time. */
  public static Problem timeout(String detail) {
    return new Problem(TYPE_PREFIX + "timeout", "No reply in time", 504, detail, null);
  }

  /** The JSON body. */
  public byte[] toJson() {
    try {
      return MAPPER.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem body", e);
    }
  }

  /** Reads a problem body back, as clients and tests do. */
  public static Problem fromJson(byte[] json) {
    try {
      return MAPPER.readValue(json, Problem.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a problem body: " + e.getMessage(), e);
    }
  }
}
