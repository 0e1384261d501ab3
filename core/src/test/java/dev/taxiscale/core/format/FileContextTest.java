package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FileContextTest {
  @Test
  void shouldReadTheMonthFromATlcFileName() {
    assertThat(FileContext.monthOf("green_tripdata_2024-01.parquet"))
        .isEqualTo(YearMonth.of(2024, 1));
  }

  @Test
  void shouldFindNoMonthInANameWithout() {
    assertThat(FileContext.monthOf("trips.parquet")).isNull();
  }

  @Test
  void shouldIgnoreAnImpossibleMonth() {
    assertThat(FileContext.monthOf("yellow_tripdata_2024-13.parquet")).isNull();
  }
}
