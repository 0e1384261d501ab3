package dev.taxiscale.pipeline.ride;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taxiscale.core.geo.Landmark;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.pipeline.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RideCoordinatorTest {
  private static final RideRequest AT_TIMES_SQUARE_NO_DESTINATION =
      new RideRequest(Landmark.TIMES_SQUARE.point(), null, LocalDateTime.of(2015, 1, 15, 8, 30));
  private static final Reply NO_CABS =
      Reply.ok("{\"type\":\"nearby\",\"cabs\":[],\"notices\":[]}".getBytes(UTF_8));

  @Test
  void shouldReportAPartWithoutAReplyByTheDeadlineAsATimeout() throws IOException {
    JsonNode reply =
        answer(
            part ->
                part.id().endsWith("/demand")
                    ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(NO_CABS));

    assertThat(reply.path("problems").path("demand").path("status").asInt()).isEqualTo(504);
    assertThat(reply.path("nearby")).isEqualTo(QueryJson.mapper().readTree(NO_CABS.body()));
  }

  @Test
  void shouldReportEveryPartAsAnInternalProblemWhenTheRunnerThrows() throws IOException {
    Reply reply =
        RideCoordinator.answer(
                "ride-7",
                AT_TIMES_SQUARE_NO_DESTINATION,
                Duration.ofMillis(200),
                (parts, timeout) -> {
                  throw new IllegalStateException("the runner broke");
                })
            .join();
    JsonNode body = QueryJson.mapper().readTree(reply.body());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(body.path("problems").path("nearby").path("status").asInt()).isEqualTo(500);
    assertThat(body.path("problems").path("demand").path("status").asInt()).isEqualTo(500);
    assertThat(body.path("complete").asBoolean()).isFalse();
  }

  @Test
  void shouldStartEveryPartInOneCallInTheOrderOfTheParts() throws IOException {
    List<String> started = new ArrayList<>();
    answer(
        (parts, timeout) -> {
          parts.forEach(p -> started.add(p.id()));
          return parts.stream().map(p -> CompletableFuture.completedFuture(NO_CABS)).toList();
        });

    assertThat(started).containsExactly("ride-7/nearby", "ride-7/demand");
  }

  @Test
  void shouldStartTheFarePartFirst() {
    List<String> started = new ArrayList<>();
    RideRequest toCentralPark =
        new RideRequest(
            Landmark.TIMES_SQUARE.point(),
            new RideRequest.Position(-73.9654, 40.7829),
            LocalDateTime.of(2015, 1, 15, 8, 30));
    RideCoordinator.answer(
            "ride-8",
            toCentralPark,
            Duration.ofMillis(200),
            (parts, timeout) -> {
              parts.forEach(p -> started.add(p.id()));
              return parts.stream().map(p -> CompletableFuture.completedFuture(NO_CABS)).toList();
            })
        .join();

    assertThat(started).containsExactly("ride-8/fare", "ride-8/nearby", "ride-8/demand");
  }

  @Test
  void shouldGiveEveryPartTheSharedRequestId() throws IOException {
    JsonNode reply =
        answer(
            part ->
                part.id().startsWith("ride-7/")
                    ? CompletableFuture.completedFuture(NO_CABS)
                    : CompletableFuture.failedFuture(new IllegalStateException(part.id())));

    assertThat(reply.path("complete").asBoolean()).isTrue();
  }

  private static JsonNode answer(Function<RideCoordinator.Part, CompletableFuture<Reply>> onePart)
      throws IOException {
    return answer((parts, timeout) -> parts.stream().map(onePart).toList());
  }

  private static JsonNode answer(RideCoordinator.PartRunner runner) throws IOException {
    Reply reply =
        RideCoordinator.answer(
                "ride-7", AT_TIMES_SQUARE_NO_DESTINATION, Duration.ofMillis(200), runner)
            .join();
    return QueryJson.mapper().readTree(reply.body());
  }
}
