package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionSummaryTest {
  private static final int FILE_ID = 7;

  private static final LineResult KEPT_ON_LINE_3 = LineResult.of(3, "a kept row", kept(3));
  private static final LineResult BLANK_ON_LINE_4 = LineResult.blank(4);
  private static final LineResult ZERO_COORDINATES_ON_LINE_5 =
      LineResult.of(5, "a row at 0,0", new Outcome.Rejected(Reason.ZERO_COORDINATES, "0,0"));
  private static final LineResult ZERO_COORDINATES_ON_LINE_6 =
      LineResult.of(6, "another at 0,0", new Outcome.Rejected(Reason.ZERO_COORDINATES, "0,0"));
  private static final LineResult TRUNCATED_ON_LINE_9 =
      LineResult.of(9, "CMT, 2014-01", new Outcome.Rejected(Reason.TRUNCATED_ROW, "2 fields"));

  @Test
  void shouldCountKeptBlankAndRejectedRowsPerReason() {
    PartitionSummary summary =
        summarize(
            KEPT_ON_LINE_3,
            BLANK_ON_LINE_4,
            ZERO_COORDINATES_ON_LINE_5,
            ZERO_COORDINATES_ON_LINE_6,
            TRUNCATED_ON_LINE_9);

    assertThat(summary.kept()).isEqualTo(1);
    assertThat(summary.blanks()).isEqualTo(1);
    assertThat(summary.rejects())
        .isEqualTo(Map.of(Reason.ZERO_COORDINATES, 2L, Reason.TRUNCATED_ROW, 1L));
    assertThat(summary.rejected()).isEqualTo(3);
  }

  @Test
  void shouldSpanTheFirstToTheLastLineSeen() {
    PartitionSummary summary = summarize(KEPT_ON_LINE_3, TRUNCATED_ON_LINE_9, BLANK_ON_LINE_4);

    assertThat(summary.firstLine()).isEqualTo(3);
    assertThat(summary.lastLine()).isEqualTo(9);
  }

  @Test
  void shouldReportAnEmptyPartitionAsEmpty() {
    PartitionSummary summary = PartitionSummary.of(2, Collections.emptyIterator());

    assertThat(summary.isEmpty()).isTrue();
    assertThat(summary.kept()).isZero();
  }

  @Test
  void shouldKeepTheRawTextOfRejectedLinesOnly() {
    assertThat(TRUNCATED_ON_LINE_9.rejectedLine()).isEqualTo("CMT, 2014-01");
    assertThat(KEPT_ON_LINE_3.rejectedLine()).isNull();
  }

  private static PartitionSummary summarize(LineResult... results) {
    return PartitionSummary.of(0, List.of(results).iterator());
  }

  private static Outcome kept(long lineNumber) {
    LocalDateTime pickup = LocalDateTime.of(2014, 1, 9, 20, 45);
    return new Outcome.Kept(
        new Trip(
            Trip.idOf(FILE_ID, lineNumber),
            FILE_ID,
            Source.YELLOW,
            "CMT",
            pickup,
            pickup.plusMinutes(12),
            -73.9857,
            40.7484,
            -73.9772,
            40.7527,
            1,
            1.1,
            8.5,
            10.0,
            "card",
            1));
  }
}
