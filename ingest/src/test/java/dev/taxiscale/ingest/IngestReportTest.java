package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.TripFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestReportTest {
  private static final FileReport YELLOW =
      new FileReport(
          "yellow.csv",
          1,
          TripFormat.YELLOW_2014,
          10,
          8,
          2,
          Map.of("zero_coordinates", 2L),
          1,
          100,
          false);
  private static final FileReport GREEN =
      new FileReport(
          "green.csv",
          2,
          TripFormat.GREEN_2014,
          5,
          4,
          1,
          Map.of("zero_coordinates", 0L, "truncated_row", 1L),
          2,
          50,
          false);

  @Test
  void shouldTotalRowsAndRejectsOverFiles() {
    IngestReport report = IngestReport.of(List.of(YELLOW, GREEN), 200);

    assertThat(report.rowsIn()).isEqualTo(15);
    assertThat(report.kept()).isEqualTo(12);
    assertThat(report.skippedBlank()).isEqualTo(3);
    assertThat(report.rejects())
        .containsExactly(Map.entry("truncated_row", 1L), Map.entry("zero_coordinates", 2L));
  }
}
