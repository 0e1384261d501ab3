package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad command lines of the scale suite: each one line, before anything starts. */
class ScaleOptionsTest {
  @Test
  void shouldRefuseANodeCountThatIsNotANumber() {
    assertThat(ScaleCommand.execute(new String[] {"--nodes", "1,abc", "--report-dir", "target/x"}))
        .isEqualTo(2);
    assertThatThrownBy(() -> options("--nodes", "1,abc").options())
        .hasMessage("--nodes must be whole numbers such as 1,2,4, got 'abc'");
  }

  @Test
  void shouldRefuseAZeroOrNegativeNodeBudget() {
    assertThatThrownBy(() -> options("--node-cpu", "0").options())
        .hasMessageStartingWith("node CPU must be in");
    assertThatThrownBy(() -> options("--node-cpu", "-0.5").options())
        .hasMessageStartingWith("node CPU must be in");
  }

  @Test
  void shouldRefuseNodesThatTogetherNeedMoreCpuThanTheMachineHas() {
    int cores = Runtime.getRuntime().availableProcessors();

    assertThatThrownBy(() -> options("--nodes", "1," + (cores + 1), "--node-cpu", "1").options())
        .hasMessageContaining("more than this machine's " + cores + " cores");
  }

  @Test
  void shouldRequireTheComparedNodeCountToBeMeasured() {
    assertThatThrownBy(() -> options("--nodes", "1,2", "--compare-at", "4").options())
        .hasMessageContaining("--compare-at one of --nodes");
  }

  private static ScaleCommand options(String... args) {
    ScaleCommand command = new ScaleCommand();
    new picocli.CommandLine(command).parseArgs(args);
    return command;
  }
}
