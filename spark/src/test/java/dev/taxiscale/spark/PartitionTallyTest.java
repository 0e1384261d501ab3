package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Source;
import dev.taxiscale.core.trip.Trip;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionTallyTest {
  private static final int FILE_ID = 7;
  private static final int PARTITION = 3;
  private static final int ONE_SAMPLE_PER_REASON = 1;

  private static final LineResult KEPT_ON_LINE_3 = LineResult.of(3, "a kept row", kept(3));
  private static final LineResult BLANK_ON_LINE_4 = LineResult.blank(4);
  private static final LineResult ZERO_COORDINATES_ON_LINE_5 =
      LineResult.of(5, "a row at 0,0", new Outcome.Rejected(Reason.ZERO_COORDINATES, "0,0"));
  private static final LineResult ZERO_COORDINATES_ON_LINE_6 =
      LineResult.of(6, "another at 0,0", new Outcome.Rejected(Reason.ZERO_COORDINATES, "0,0"));
  private static final LineResult KEPT_ON_LINE_8 = LineResult.of(8, "another kept row", kept(8));
  private static final LineResult TRUNCATED_ON_LINE_9 =
      LineResult.of(9, "CMT,2014-01", new Outcome.Rejected(Reason.TRUNCATED_ROW, "2 fields"));

  private static final List<LineResult> PARTITION_LINES =
      List.of(
          KEPT_ON_LINE_3,
          BLANK_ON_LINE_4,
          ZERO_COORDINATES_ON_LINE_5,
          ZERO_COORDINATES_ON_LINE_6,
          KEPT_ON_LINE_8,
          TRUNCATED_ON_LINE_9);

  @Test
  void shouldPassOnOnlyTheKeptTripsInLineOrder() {
    List<Trip> passedOn = new ArrayList<>();
    new PartitionTally(PARTITION_LINES.iterator(), ONE_SAMPLE_PER_REASON)
        .forEachRemaining(passedOn::add);

    assertThat(passedOn).extracting(Trip::id).containsExactly(id(3), id(8));
  }

  @Test
  void shouldCountKeptBlankAndRejectedRowsPerReason() {
    PartitionSummary summary = tallied(PARTITION_LINES);

    assertThat(summary.kept()).isEqualTo(2);
    assertThat(summary.blanks()).isEqualTo(1);
    assertThat(summary.rejects())
        .isEqualTo(Map.of(Reason.ZERO_COORDINATES, 2L, Reason.TRUNCATED_ROW, 1L));
  }

  @Test
  void shouldKeepTheFirstRejectedLinesPerReasonAsSamples() {
    PartitionSummary summary = tallied(PARTITION_LINES);

    assertThat(summary.samples()).containsExactly(ZERO_COORDINATES_ON_LINE_5, TRUNCATED_ON_LINE_9);
  }

  @Test
  void shouldKeepTheRawTextOfRejectedLinesOnly() {
    assertThat(TRUNCATED_ON_LINE_9.rejectedLine()).isEqualTo("CMT,2014-01");
    assertThat(KEPT_ON_LINE_3.rejectedLine()).isNull();
  }

  @Test
  void shouldSummarizeAPartitionWithoutKeptTrips() {
    PartitionSummary summary = tallied(List.of(BLANK_ON_LINE_4, TRUNCATED_ON_LINE_9));

    assertThat(summary.kept()).isZero();
    assertThat(summary.rejected()).isEqualTo(1);
  }

  private static PartitionSummary tallied(List<LineResult> lines) {
    PartitionTally tally = new PartitionTally(lines.iterator(), ONE_SAMPLE_PER_REASON);
    return tally.summary(PARTITION, 0);
  }

  private static long id(long lineNumber) {
    return Trip.idOf(FILE_ID, lineNumber);
  }

  private static Outcome kept(long lineNumber) {
    LocalDateTime pickup = LocalDateTime.of(2014, 1, 9, 20, 45);
    return new Outcome.Kept(
        new Trip(
            id(lineNumber),
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
