package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ByteSinkTest {
  private static final long FIVE_PAST_NINE =
      LocalDateTime.of(2014, 7, 4, 9, 5, 7).toEpochSecond(ZoneOffset.UTC);

  private static String written(Consumer<ByteSink> write) {
    var bytes = new ByteArrayOutputStream();
    ByteSink sink = new ByteSink(bytes);
    write.accept(sink);
    try {
      sink.flush();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void shouldPrintCoordinatesLikeTheTlcFilesDo() {
    assertThat(written(s -> s.fullPrecision(40.736828))).isEqualTo("40.736828000000003");
  }

  @Test
  void shouldDropTrailingZerosOfShortFloats() {
    assertThat(written(s -> s.fullPrecision((float) -73.7763671875))).isEqualTo("-73.7763671875");
  }

  @Test
  void shouldPrintAmountsWithoutTrailingZeros() {
    assertThat(written(s -> s.decimal(650, 2, false, true).comma().decimal(1400, 2, false, true)))
        .isEqualTo("6.5,14");
  }

  @Test
  void shouldPrintFixedDistancesWithoutLeadingZero() {
    assertThat(written(s -> s.decimal(50, 2, true, false))).isEqualTo(".50");
  }

  @Test
  void shouldPrintZeroEvenWithoutLeadingZero() {
    assertThat(written(s -> s.decimal(0, 2, false, false))).isEqualTo("0");
  }

  @Test
  void shouldPrintNegativeAmounts() {
    assertThat(written(s -> s.decimal(-1450, 2, false, true))).isEqualTo("-14.5");
  }

  @Test
  void shouldPrintIsoTimestamps() {
    assertThat(written(s -> s.isoTimestamp(FIVE_PAST_NINE))).isEqualTo("2014-07-04 09:05:07");
  }

  @Test
  void shouldPrintUberTimestampsWithoutPadding() {
    assertThat(written(s -> s.slashedTimestamp(FIVE_PAST_NINE))).isEqualTo("7/4/2014 9:05:07");
  }

  @Test
  void shouldCutARowBeforeItsNthComma() {
    assertThat(
            written(
                s -> {
                  s.ascii("a,b,c,d");
                  s.cutBeforeComma(0, 2);
                }))
        .isEqualTo("a,b");
  }
}
