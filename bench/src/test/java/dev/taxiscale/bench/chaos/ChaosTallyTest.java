package dev.taxiscale.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaosTallyTest {
  private final ChaosTally tally = new ChaosTally();

  @Test
  void shouldCountARequestWithoutAnAnswerAsLost() {
    tally.sent();
    tally.sent();
    tally.sent();
    tally.answered(200);
    tally.answered(503);

    ChaosPhase phase = tally.phase("kill", 1.5);

    assertThat(phase.lost()).isEqualTo(1);
    assertThat(phase.answered()).isEqualTo(2);
  }

  @Test
  void shouldCountEveryReplyBeyondTheFirstForOneCorrelationIdAsADuplicate() {
    tally.reply("a");
    tally.reply("a");
    tally.reply("a");
    tally.reply("b");

    assertThat(tally.phase("stop", 0).duplicates()).isEqualTo(2);
  }

  @Test
  void shouldSortAnswersIntoTheirStatusColumns() {
    tally.sent();
    tally.sent();
    tally.sent();
    tally.sent();
    tally.answered(200);
    tally.answered(422);
    tally.answered(504);
    tally.answered(500);

    ChaosPhase phase = tally.phase("broker", 3);

    assertThat(phase.row()).isEqualTo("| broker | 4 | 1 | 1 | 0 | 1 | 1 | 0 | 0 | 3.0 |");
  }
}
