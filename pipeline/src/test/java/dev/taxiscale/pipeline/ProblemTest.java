package dev.taxiscale.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void shouldWriteTheRfc9457MembersAndTheField() {
    String json =
        new String(
            Problem.invalid("point.lat", "must be in range").toJson(), StandardCharsets.UTF_8);

    assertThat(json)
        .contains(
            "\"type\":\"urn:taxiscale:problem:invalid-request\"",
            "\"title\":\"Invalid request\"",
            "\"status\":400",
            "\"detail\":\"must be in range\"",
            "\"field\":\"point.lat\"");
  }

  @Test
  void shouldLeaveOutTheFieldWhenNoneIsToBlame() {
    assertThat(new String(Problem.timeout("late").toJson(), StandardCharsets.UTF_8))
        .doesNotContain("field");
  }

  @Test
  void shouldReadItsOwnJsonBack() {
    Problem problem = Problem.unavailable("database down");

    assertThat(Problem.fromJson(problem.toJson())).isEqualTo(problem);
  }

  @Test
  void shouldRefuseAStatusThatIsNotAnError() {
    assertThatThrownBy(() -> new Problem("t", "t", 200, "d", null))
        .hasMessageContaining("4xx or 5xx");
  }
}
