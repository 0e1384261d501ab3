package dev.taxiscale.pipeline.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticRequestsTest {
  private static final int N = 2_000;

  @Test
  void shouldSendMostRequestsWholeAndSomeAsClientsTrimThemOrBreakThem() throws IOException {
    SyntheticRequests requests = new SyntheticRequests(7);
    int whole = fieldsOfWhole();
    List<ObjectNode> trimmed = new ArrayList<>();
    int wholeSeen = 0;
    int malformed = 0;
    for (int i = 0; i < N; i++) {
      byte[] json = requests.next("fare");
      if (Arrays.equals(json, SyntheticRequests.MALFORMED)) {
        malformed++;
        continue;
      }
      ObjectNode request = (ObjectNode) QueryJson.mapper().readTree(json);
      if (request.size() == whole) {
        wholeSeen++;
        assertThat(QueryJson.readRequest(json)).isInstanceOf(FareEstimateRequest.class);
      } else {
        trimmed.add(request);
      }
    }

    assertThat(malformed).isBetween(N / 100, N * 4 / 100);
    assertThat(trimmed.size()).isBetween(N * 15 / 100, N * 35 / 100);
    assertThat(wholeSeen + trimmed.size() + malformed).isEqualTo(N);
    // some are what a client of the typed path sends: no type, defaults left out, still valid
    List<ObjectNode> typedPath =
        trimmed.stream()
            .filter(r -> !r.has("type") && r.has("from") && r.has("to") && r.has("time"))
            .toList();
    assertThat(typedPath)
        .isNotEmpty()
        .allSatisfy(
            request ->
                assertThat(QueryJson.readRequest(request.deepCopy().put("type", "fare")))
                    .isInstanceOf(FareEstimateRequest.class));
    // and some lack a required field: the gateway refuses them with a 400
    List<ObjectNode> withoutFrom = trimmed.stream().filter(r -> !r.has("from")).toList();
    assertThat(withoutFrom).isNotEmpty();
    assertThatThrownBy(
            () -> QueryJson.readRequest(withoutFrom.get(0).deepCopy().put("type", "fare")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
  }

  @Test
  void shouldSendTheSameRequestsForTheSameSeed() {
    SyntheticRequests a = new SyntheticRequests(11);
    SyntheticRequests b = new SyntheticRequests(11);
    for (int i = 0; i < 200; i++) {
      String type = SyntheticRequests.TYPES.get(i % SyntheticRequests.TYPES.size());
      assertThat(a.next(type)).isEqualTo(b.next(type));
    }
  }

  private static int fieldsOfWhole() throws IOException {
    JsonNode whole = QueryJson.mapper().readTree(new SyntheticRequests(1).whole("fare"));
    return whole.size();
  }
}
