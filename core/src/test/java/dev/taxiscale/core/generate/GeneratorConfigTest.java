package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
  private static final GeneratorConfig YELLOW = GeneratorConfig.of(TripFormat.YELLOW_2014, 100);

  @Test
  void shouldDefaultToAMonthIn2014ForThe2014Formats() {
    assertThat(YELLOW.startDate()).isEqualTo(LocalDate.of(2014, 4, 1));
    assertThat(YELLOW.days()).isEqualTo(30);
  }

  @Test
  void shouldDefaultToJanuary2015ForYellow2015() {
    assertThat(GeneratorConfig.of(TripFormat.YELLOW_2015, 1).startDate())
        .isEqualTo(LocalDate.of(2015, 1, 1));
  }

  @Test
  void shouldRoundTheDirtyRowsToTheNearestRow() {
    assertThat(YELLOW.withRows(1_000).withDirtyShare(0.0125).dirtyRows()).isEqualTo(13);
  }

  @Test
  void shouldRejectNegativeRows() {
    assertThatThrownBy(() -> YELLOW.withRows(-1)).hasMessage("rows must be >= 0, was -1");
  }

  @Test
  void shouldRejectADirtyShareAboveOne() {
    assertThatThrownBy(() -> YELLOW.withDirtyShare(1.5))
        .hasMessage("dirtyShare must be in 0..1, was 1.5");
  }

  @Test
  void shouldRejectANaNDirtyShare() {
    assertThatThrownBy(() -> YELLOW.withDirtyShare(Double.NaN))
        .hasMessageContaining("dirtyShare must be in 0..1");
  }

  @Test
  void shouldRejectZeroDays() {
    assertThatThrownBy(() -> YELLOW.withDates(LocalDate.of(2014, 1, 1), 0))
        .hasMessage("days must be in 1..3660, was 0");
  }

  @Test
  void shouldRejectAMissingFormatListingTheFormats() {
    assertThatThrownBy(() -> new GeneratorConfig(null, 1, 1, LocalDate.of(2014, 1, 1), 1, 0, false))
        .hasMessageContaining("format is required")
        .hasMessageContaining("UBER_2014");
  }
}
