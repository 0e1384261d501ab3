package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectSamplesTest {

  @Test
  void shouldKeepTheLowestLineNumbersPerReasonAcrossThreads() {
    RejectSamples first = new RejectSamples(2);
    RejectSamples second = new RejectSamples(2);
    first.offer(10, Reason.ZERO_COORDINATES, "pickup 0,0", "row 10");
    first.offer(11, Reason.ZERO_COORDINATES, "pickup 0,0", "row 11");
    second.offer(3, Reason.ZERO_COORDINATES, "pickup 0,0", "row 3");
    second.offer(4, Reason.TRUNCATED_ROW, "3 fields", "row 4");

    List<RejectSamples.Sample> merged = RejectSamples.merge(List.of(first, second), 2);

    assertThat(merged).extracting(RejectSamples.Sample::line).containsExactly(3L, 4L, 10L);
  }

  @Test
  void shouldQuoteFieldsThatHoldCommasOrQuotes() {
    assertThat(RejectSamples.csv("CMT,2014-01-09 \"x\"")).isEqualTo("\"CMT,2014-01-09 \"\"x\"\"\"");
  }

  @Test
  void shouldWriteOneCsvLinePerSampleAfterAHeader(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trips.csv.rejects.csv");
    RejectSamples.write(
        file, List.of(new RejectSamples.Sample(7, Reason.TRUNCATED_ROW, "2 fields", "CMT,2014")));

    assertThat(Files.readAllLines(file))
        .containsExactly("line,reason,detail,raw", "7,truncated_row,2 fields,\"CMT,2014\"");
  }

  @Test
  void shouldRemoveAnOlderFileWhenNothingWasRejected(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("trips.csv.rejects.csv"), "stale");

    RejectSamples.write(file, List.of());

    assertThat(file).doesNotExist();
  }
}
