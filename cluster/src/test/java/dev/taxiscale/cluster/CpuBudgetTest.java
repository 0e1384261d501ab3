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

  @Test
  void shouldGrantAQuarterCoreSteadilyAsOneMillisecondInEachFour() {
    CpuBudget steady = new CpuBudget(0.25).steady();

    assertThat(steady.periodMicros()).isEqualTo(4_000);
    assertThat(steady.quotaMicros()).isEqualTo(1_000);
    assertThat(new CpuBudget(0.3).steady().quotaMicros()).isEqualTo(1_000);
    assertThat(new CpuBudget(2).steady().periodMicros()).isEqualTo(1_000);
  }

  @ParameterizedTest
  @ValueSource(longs = {999, 2_000, 1_000_001})
  void shouldRefusePeriodsTheKernelRefuses(long periodMicros) {
    // 0.25 CPU over 2 ms is a quota of 0.5 ms, under the kernel's least
    assertThatThrownBy(() -> new CpuBudget(0.25, periodMicros))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a CFS period must be from 1 ms to 1 s")
        .hasMessageNotContaining("\n");
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

  @Test
  void shouldNameWhatTheBudgetIsForInItsErrors() {
    assertThatThrownBy(() -> CpuBudget.parse("-0.5", "loader CPU"))
        .hasMessageStartingWith("loader CPU must be in");
    assertThatThrownBy(() -> CpuBudget.parse("half", "loader CPU"))
        .hasMessage("loader CPU must be a number of cores such as 0.25, got 'half'");
  }
}
