package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.taxiscale.core.trip.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The JSON form of requests and results, the same on HTTP and Kafka (documented in
 * docs/queries.md). Reading is strict: unknown fields, numbers in strings, fractional counts and
 * missing required fields are {@link ValidationException}s naming the field. Thread-safe.
 */
public final class QueryJson {

  private static final ObjectMapper MAPPER = buildMapper();
  private static final ObjectReader REQUEST_READER = MAPPER.readerFor(QueryRequest.class);
  private static final ObjectReader RESULT_READER = MAPPER.readerFor(QueryResult.class);
  private static final ObjectWriter REQUEST_WRITER = MAPPER.writerFor(QueryRequest.class);
  private static final ObjectWriter RESULT_WRITER = MAPPER.writerFor(QueryResult.class);

  private QueryJson() {}

  /** One Jackson read; its checked exception is what {@link #read} translates. */
  @FunctionalInterface
  private interface JsonRead<T> {
    T read() throws IOException;
  }

  /** Bad JSON becomes a {@link ValidationException} naming the field; I/O failures stay I/O. */
  private static <T> T read(JsonRead<T> read) {
    try {
      return read.read();
    } catch (JacksonException e) {
      throw JsonErrors.toValidation(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses and validates a request; any problem is a {@link ValidationException}. */
  public static QueryRequest readRequest(String json) {
    return read(() -> REQUEST_READER.readValue(json));
  }

  /** Parses and validates a request from UTF-8 bytes, as it arrives from Kafka. */
  public static QueryRequest readRequest(byte[] json) {
    return read(() -> REQUEST_READER.readValue(json));
  }

  /** Parses and validates a request embedded in a larger document, such as an envelope. */
  public static QueryRequest readRequest(JsonNode json) {
    return read(() -> REQUEST_READER.readValue(json));
  }

  public static String write(QueryRequest request) {
    return write(REQUEST_WRITER, request);
  }

  public static byte[] writeBytes(QueryRequest request) {
    return writeBytes(REQUEST_WRITER, request);
  }

  public static String write(QueryResult result) {
    return write(RESULT_WRITER, result);
  }

  public static byte[] writeBytes(QueryResult result) {
    return writeBytes(RESULT_WRITER, result);
  }

  /** A result as a tree, to embed in a larger document. */
  public static JsonNode toTree(QueryResult result) {
    return MAPPER.valueToTree(result);
  }

  /** A request as a tree, to embed in a larger document. */
  public static JsonNode toTree(QueryRequest request) {
    return MAPPER.valueToTree(request);
  }

  /** Parses a result, as the gateway does with a worker's reply. */
  public static QueryResult readResult(String json) {
    return read(() -> RESULT_READER.readValue(json));
  }

  /** Parses a result from UTF-8 bytes. */
  public static QueryResult readResult(byte[] json) {
    return read(() -> RESULT_READER.readValue(json));
  }

  /** Parses a result embedded in a larger document. */
  public static QueryResult readResult(JsonNode json) {
    return read(() -> RESULT_READER.readValue(json));
  }

  /**
   * The configured mapper, for codecs that wrap requests or results in envelopes. Shared: do not
   * reconfigure it.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static byte[] writeBytes(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static ObjectMapper buildMapper() {
    SimpleModule sources = new SimpleModule("taxiscale-sources");
    sources.addSerializer(Source.class, new SourceCodec.Writer());
    sources.addDeserializer(Source.class, new SourceCodec.Reader());
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(sources)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // "40.7" is not a number: strings never turn into numbers or booleans
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .registerSubtypes(typeNames())
        .build();
  }

  /** A request and its result carry the same {@code type} name. */
  private static NamedType[] typeNames() {
    return Arrays.stream(QueryType.values())
        .flatMap(
            t ->
                Stream.of(
                    new NamedType(t.requestClass(), t.wireName()),
                    new NamedType(t.resultClass(), t.wireName())))
        .toArray(NamedType[]::new);
  }
}
