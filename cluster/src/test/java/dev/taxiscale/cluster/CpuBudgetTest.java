package dev.taxiscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpuBudgetTest {
  @Test
  void shouldTurnAQuarterCoreIntoAQuarterOfEachPeriod() {
    assertThat(CpuBudget.parse("0.25").quotaMicros()).isEqualTo(25_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "0.001", "1000", "NaN"})
  void shouldRefuseBudgetsOutsideTheMachine(String text) {
    assertThatThrownBy(() -> CpuBudget.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("node CPU must be in")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldSayWhatANodeBudgetLooksLikeWhenItIsNotANumber() {
    assertThatThrownBy(() -> CpuBudget.parse("abc"))
        .hasMessage("node CPU must be a number of cores such as 0.25, got 'abc'");
  }
}
