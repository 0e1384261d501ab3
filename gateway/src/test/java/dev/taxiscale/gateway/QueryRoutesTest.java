package dev.taxiscale.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.testkit.QueryExamples;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every registered query type has its route, its OpenAPI path and its panel in the web app. */
class QueryRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Gateway gateway;
  private Http http;

  @BeforeEach
  void start() {
    GatewayConfig config = GatewayConfig.defaults().withPort(0).withMode(GatewayConfig.Mode.DIRECT);
    DirectBackend echo = new DirectBackend(json -> Reply.ok("{}".getBytes(UTF_8)), 2);
    gateway =
        new Gateway(config, echo, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).start();
    http = new Http(gateway.port());
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void shouldRouteEveryQueryTypeOnItsOwnPath() {
    for (QueryType type : QueryType.values()) {
      String body = QueryJson.write(QueryExamples.of(type));

      assertThat(http.postJson(GatewayApp.API + "/" + type.wireName(), body).statusCode())
          .as(type.wireName())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldDescribeEveryQueryTypeInTheOpenApi() throws IOException {
    JsonNode paths = JSON.readTree(http.get(GatewayApp.API + "/openapi.json").body()).get("paths");

    for (QueryType type : QueryType.values()) {
      JsonNode post = paths.path(GatewayApp.API + "/" + type.wireName()).path("post");
      assertThat(post.path("summary").asText()).as(type.wireName()).isEqualTo(type.summary());
      assertThat(post.path("operationId").asText()).isEqualTo(type.wireName());
      assertThat(post.path("responses").path("200").path("$ref").asText())
          .isEqualTo("#/components/responses/Result");
    }
  }

  @Test
  void shouldKeepTheWrittenPathsAfterTheQueryTypes() throws IOException {
    JsonNode paths = JSON.readTree(http.get(GatewayApp.API + "/openapi.json").body()).get("paths");

    assertThat(paths.fieldNames())
        .toIterable()
        .startsWith(
            QueryType.names().stream().map(n -> GatewayApp.API + "/" + n).toArray(String[]::new))
        .contains(GatewayApp.API + "/query", GatewayApp.API + "/ride-request", "/health");
  }

  @Test
  void shouldListEveryQueryTypeInTheRequestBodyInRegistryOrder() throws IOException {
    JsonNode root = JSON.readTree(http.get(GatewayApp.API + "/openapi.json").body());
    JsonNode types =
        root.at("/components/requestBodies/Query/content/application~1json/schema/properties/type");

    assertThat(types.path("enum"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(QueryType.names());
  }

  @Test
  void shouldGiveEveryQueryTypeAPanelInTheWebApp() throws IOException {
    // the page makes a tab for each type the API lists, from the module named after it
    for (QueryType type : QueryType.values()) {
      String panel = resource("/web/js/queries/" + type.wireName() + ".js");

      assertThat(panel)
          .as(type.wireName())
          .contains("export const tab = ", "export const markup = ", "export default function");
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = QueryRoutesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
