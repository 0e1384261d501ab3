package dev.taxiscale.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaleReadNoticeTest {
  private static final byte[] NEARBY =
      "{\"type\":\"nearby\",\"cabs\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final String BEHIND = "read from a replica 42 s behind the primary";

  @Test
  void shouldSayWhenTheAnswerCameFromALaggingReplica() {
    StaleReadNotice handler =
        new StaleReadNotice(json -> Reply.ok(NEARBY), () -> Optional.of(BEHIND));

    assertThat(handler.handle(new byte[0]).bodyText())
        .isEqualTo("{\"type\":\"nearby\",\"cabs\":[],\"notices\":[\"" + BEHIND + "\"]}");
  }

  @Test
  void shouldKeepTheNoticesAResultAlreadyHas() {
    byte[] heatmap =
        "{\"type\":\"heatmap\",\"notices\":[\"capped\"]}".getBytes(StandardCharsets.UTF_8);
    StaleReadNotice handler =
        new StaleReadNotice(json -> Reply.ok(heatmap), () -> Optional.of(BEHIND));

    assertThat(handler.handle(new byte[0]).bodyText())
        .isEqualTo("{\"type\":\"heatmap\",\"notices\":[\"capped\",\"" + BEHIND + "\"]}");
  }

  @Test
  void shouldLeaveAnswersFromACurrentReplicaAndProblemsAlone() {
    Reply problem = Reply.of(Problem.unavailable("down"));

    assertThat(
            new StaleReadNotice(json -> Reply.ok(NEARBY), Optional::empty)
                .handle(new byte[0])
                .body())
        .isEqualTo(NEARBY);
    assertThat(new StaleReadNotice(json -> problem, () -> Optional.of(BEHIND)).handle(new byte[0]))
        .isSameAs(problem);
  }
}
