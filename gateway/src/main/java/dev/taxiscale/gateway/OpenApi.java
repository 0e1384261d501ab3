package dev.taxiscale.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.query.QueryType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The OpenAPI document: {@code openapi.json} holds what is written once (components, the other
 * paths); each query type's path and the request body's list of types are made from {@link
 * QueryType}, in registry order, so a new type is described as soon as it is registered. The web
 * app reads that list to give each type its panel.
 */
final class OpenApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEMPLATE = "/openapi.json";

  private OpenApi() {}

  /** The document served at {@code /api/v1/openapi.json}. */
  static byte[] document() {
    try (InputStream in = OpenApi.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the gateway's class path");
      }
      ObjectNode root = (ObjectNode) JSON.readTree(in);
      root.set("paths", withQueryPaths(root.path("paths")));
      QueryType.names().forEach(queryTypeField(root).putArray("enum")::add);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATE, e);
    }
  }

  /** The {@code type} property of the query request body. */
  private static ObjectNode queryTypeField(JsonNode root) {
    return (ObjectNode)
        root.at("/components/requestBodies/Query/content/application~1json/schema/properties/type");
  }

  private static ObjectNode withQueryPaths(JsonNode written) {
    ObjectNode paths = JSON.createObjectNode();
    for (QueryType type : QueryType.values()) {
      paths.set(GatewayApp.API + "/" + type.wireName(), queryPath(type));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      paths.set(path.getKey(), path.getValue());
    }
    return paths;
  }

  /** A query path: the shared request body, result and problem answers. */
  private static ObjectNode queryPath(QueryType type) {
    ObjectNode post = JSON.createObjectNode();
    post.put("summary", type.summary());
    post.put("operationId", type.wireName());
    post.set("requestBody", ref("requestBodies/Query"));
    ObjectNode responses = post.putObject("responses");
    responses.set("200", ref("responses/Result"));
    responses.set("400", ref("responses/Invalid"));
    responses.set("503", ref("responses/Unavailable"));
    responses.set("504", ref("responses/Timeout"));
    ObjectNode path = JSON.createObjectNode();
    path.set("post", post);
    return path;
  }

  private static ObjectNode ref(String component) {
    return JSON.createObjectNode().put("$ref", "#/components/" + component);
  }
}
