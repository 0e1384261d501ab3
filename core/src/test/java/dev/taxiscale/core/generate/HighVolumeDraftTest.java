package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.Column;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HighVolumeDraftTest {
  /** A generated row's texts with only what the draft reads: a pickup and a fare. */
  private static String[] pickupAtSixWithFare() {
    String[] texts = new String[Column.COUNT];
    texts[Column.PICKUP_AT.ordinal()] = "2014-04-08 18:00:00";
    texts[Column.FARE.ordinal()] = "10.00";
    return texts;
  }

  private static String[] drawn(long rowNumber) {
    String[] texts = pickupAtSixWithFare();
    HighVolumeDraft.fill(texts, rowNumber);
    return texts;
  }

  @Test
  void shouldDrawTheSameFieldsForTheSameRowNumber() {
    assertThat(drawn(41)).containsExactly(drawn(41));
  }

  @Test
  void shouldRequestBeforeThePickupAndPayTheDriverAShareOfTheFare() {
    String[] texts = drawn(7);

    assertThat(texts[Column.REQUEST_AT.ordinal()]).isLessThan("2014-04-08 18:00:00");
    assertThat(texts[Column.DRIVER_PAY.ordinal()]).isEqualTo("7.20");
  }

  @Test
  void shouldWriteYesNoAndBlankFlagsOverAThousandRows() {
    Set<String> shared = new HashSet<>();
    Set<String> accessARide = new HashSet<>();
    for (long row = 1; row <= 1_000; row++) {
      String[] texts = drawn(row);
      shared.add(texts[Column.SHARED_REQUEST.ordinal()]);
      accessARide.add(texts[Column.ACCESS_A_RIDE.ordinal()]);
    }

    assertThat(shared).containsExactlyInAnyOrder("Y", "N");
    assertThat(accessARide).containsExactlyInAnyOrder(" ", "N");
  }
}
