package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.clean.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileCountsTest {

  @Test
  void shouldDeriveRowsInFromKeptAndRejects() {
    FileCounts counts = FileCounts.of(5, Map.of(Reason.ZERO_COORDINATES, 2L));

    assertThat(counts.rowsIn()).isEqualTo(7);
  }

  @Test
  void shouldRejectRowsThatAreNeitherKeptNorRejected() {
    assertThatThrownBy(() -> new FileCounts(10, 5, 2, Map.of(Reason.ZERO_COORDINATES, 2L)))
        .hasMessageContaining("rowsIn must equal kept + rejected");
  }

  @Test
  void shouldWriteRejectsAsJsonKeyedByReasonCode() {
    FileCounts counts =
        FileCounts.of(1, Map.of(Reason.TRUNCATED_ROW, 1L, Reason.ZERO_COORDINATES, 3L));

    assertThat(counts.rejectsJson()).isEqualTo("{\"truncated_row\":1,\"zero_coordinates\":3}");
  }

  @Test
  void shouldAddCountsReasonByReason() {
    FileCounts a = FileCounts.of(1, Map.of(Reason.TRUNCATED_ROW, 1L));
    FileCounts b = FileCounts.of(2, Map.of(Reason.TRUNCATED_ROW, 2L, Reason.NEGATIVE_AMOUNT, 1L));

    assertThat(a.plus(b))
        .isEqualTo(FileCounts.of(3, Map.of(Reason.TRUNCATED_ROW, 3L, Reason.NEGATIVE_AMOUNT, 1L)));
  }
}
