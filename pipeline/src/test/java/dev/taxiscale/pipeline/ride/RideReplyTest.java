package dev.taxiscale.pipeline.ride;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RideReplyTest {
  private static final String CABS =
      "{\"type\":\"nearby\",\"cabs\":[{\"lon\":-73.98,\"lat\":40.75,\"note\":\"a \\\"quoted\\\""
          + " é\"}],\"notices\":[]}";
  private static final String FARE = " {\"type\":\"fare\",\"enough\":true,\"trips\":42}\n";

  @Test
  void shouldCarryEachPartsResultUnderItsNameAndBeCompleteWhenNoneFailed() throws IOException {
    JsonNode merged = merge("ride-1", Map.of(RidePart.NEARBY, ok(CABS), RidePart.FARE, ok(FARE)));

    assertThat(merged.path("type").asText()).isEqualTo(RideRequest.TYPE);
    assertThat(merged.path("requestId").asText()).isEqualTo("ride-1");
    assertThat(merged.path("nearby")).isEqualTo(QueryJson.mapper().readTree(CABS));
    assertThat(merged.path("fare")).isEqualTo(QueryJson.mapper().readTree(FARE));
    assertThat(merged.path("complete").asBoolean()).isTrue();
    assertThat(merged.has("problems")).isFalse();
  }

  @Test
  void shouldPutFailedPartsUnderProblemsAndEscapeTheRequestId() throws IOException {
    Reply timeout = Reply.of(Problem.timeout("no reply within 5000 ms"));
    JsonNode merged =
        merge(
            "ride-\"2\"",
            Map.of(
                RidePart.NEARBY, ok(CABS),
                RidePart.FARE, timeout,
                RidePart.DEMAND, Reply.of(Problem.unavailable("broker down"))));

    assertThat(merged.path("requestId").asText()).isEqualTo("ride-\"2\"");
    assertThat(merged.path("complete").asBoolean()).isFalse();
    assertThat(merged.has("fare")).isFalse();
    assertThat(merged.path("problems").path("fare").path("status").asInt()).isEqualTo(504);
    assertThat(merged.path("problems").path("demand").path("status").asInt()).isEqualTo(503);
    assertThat(merged.path("nearby").path("cabs")).hasSize(1);
  }

  @Test
  void shouldReportAPartWhoseReplyIsNotAJsonObjectAsItsFailure() throws IOException {
    JsonNode merged =
        merge(
            "ride-3",
            Map.of(RidePart.NEARBY, ok("[1,2]"), RidePart.DEMAND, ok(""), RidePart.FARE, ok(FARE)));

    assertThat(merged.path("problems").path("nearby").path("status").asInt()).isEqualTo(500);
    assertThat(merged.path("problems").path("nearby").path("detail").asText())
        .contains("nearby part's reply is not a JSON object");
    assertThat(merged.path("problems").path("demand").path("status").asInt()).isEqualTo(500);
    assertThat(merged.path("fare").path("trips").asInt()).isEqualTo(42);
    assertThat(merged.path("complete").asBoolean()).isFalse();
  }

  private static JsonNode merge(String requestId, Map<RidePart, Reply> replies) throws IOException {
    Reply merged = RideReply.merge(requestId, new EnumMap<>(replies));
    assertThat(merged.status()).isEqualTo(200);
    return QueryJson.mapper().readTree(merged.body());
  }

  private static Reply ok(String json) {
    return Reply.ok(json.getBytes(UTF_8));
  }
}
