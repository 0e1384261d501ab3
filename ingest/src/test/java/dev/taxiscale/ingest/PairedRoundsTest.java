package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRoundsTest {
  @Test
  void theMedianOfAnOddNumberOfRoundsIsTheMiddleRatio() {
    PairedRounds rounds = new PairedRounds();
    rounds.add(new PairedRounds.Round(100, 150));
    rounds.add(new PairedRounds.Round(200, 180));
    rounds.add(new PairedRounds.Round(100, 105));

    assertThat(rounds.medianRatio()).isEqualTo(1.05);
  }

  @Test
  void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
    PairedRounds rounds = new PairedRounds();
    rounds.add(new PairedRounds.Round(100, 80));
    rounds.add(new PairedRounds.Round(100, 120));
    rounds.add(new PairedRounds.Round(100, 100));
    rounds.add(new PairedRounds.Round(100, 90));

    assertThat(rounds.medianRatio()).isCloseTo(0.95, offset(1e-9));
  }

  @Test
  void theSummaryPairsTheBestsAndListsEveryRound() {
    PairedRounds rounds = new PairedRounds();
    rounds.add(new PairedRounds.Round(200_000, 150_000));
    rounds.add(new PairedRounds.Round(120_000, 130_000));

    assertThat(rounds.summary())
        .isEqualTo(
            "CSV 200,000 rows/s, Parquet 150,000 rows/s, Parquet / CSV = 0.75;"
                + " per round 0.75, 1.08: median 0.92");
  }

  @Test
  void roundsTakeTurnsAtLoadingCsvFirst() {
    assertThat(PairedRounds.csvFirst(1)).isTrue();
    assertThat(PairedRounds.csvFirst(2)).isFalse();
    assertThat(PairedRounds.csvFirst(3)).isTrue();
  }

  @Test
  void anEvenRoundLoadsParquetFirstAndKeepsEachRateWithItsFormat() throws Exception {
    List<String> order = new ArrayList<>();
    PairedRounds.Rate csv =
        () -> {
          order.add("CSV");
          return 100;
        };
    PairedRounds.Rate parquet =
        () -> {
          order.add("Parquet");
          return 120;
        };

    PairedRounds.Round first = PairedRounds.measure(1, csv, parquet);
    PairedRounds.Round second = PairedRounds.measure(2, csv, parquet);

    assertThat(order).containsExactly("CSV", "Parquet", "Parquet", "CSV");
    assertThat(first).isEqualTo(new PairedRounds.Round(100, 120));
    assertThat(second).isEqualTo(new PairedRounds.Round(100, 120));
  }

  @Test
  void aRateThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new PairedRounds.Round(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rates must be > 0 rows/s, got CSV 0.0 and Parquet 100.0");
  }

  @Test
  void noRoundHasNoMedian() {
    assertThatThrownBy(() -> new PairedRounds().medianRatio())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no round was measured");
  }
}
