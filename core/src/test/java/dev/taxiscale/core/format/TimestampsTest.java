package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  private static LocalDateTime parse(String text) {
    return Timestamps.parse(text, 0, text.length());
  }

  @ParameterizedTest
  @CsvSource({
    "2014-01-09 20:45:25, 2014-01-09T20:45:25",
    "2015-12-31T23:59:59, 2015-12-31T23:59:59",
    "9/1/2014 0:01:00, 2014-09-01T00:01:00",
    "12/31/2014 23:59, 2014-12-31T23:59:00",
    "04/07/2014 07:05:09, 2014-04-07T07:05:09"
  })
  void shouldParseBothShapes(String text, LocalDateTime expected) {
    assertThat(parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "2014-13-09 20:45:25", "2014-02-30 10:00:00", "2014-01-09 24:00:00",
        "2014-01-09 20:45", "2014/01/09 20:45:25", "9/1/2014", "9/1/2014 0:61:00",
        "9/1/2014 0:01:00:00", "13/4/1/2014 0:45:00", "9/1/20144 0:01:00", "x/1/2014 0:01"
      })
  void shouldRejectMalformedOrImpossibleTimes(String text) {
    assertThat(parse(text)).isNull();
  }
}
