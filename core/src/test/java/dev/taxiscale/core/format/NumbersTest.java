package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

  private static double parse(String text) {
    return Numbers.parseDouble(text, 0, text.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "14",
        "-73.9772",
        ".65",
        "6.",
        "+2.5",
        "0.0001",
        "17.05",
        "40.750110626220703",
        "1e3",
        "2.5E-2",
        "-0",
        "123456789012345"
      })
  void shouldMatchTheJdkUpToFifteenDigits(String text) {
    assertThat(parse(text)).isEqualTo(Double.parseDouble(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-73.994770000000003", "40.736828000000003", "0.69999999999999996"})
  void shouldStayWithinOneUlpForFullPrecisionFloats(String text) {
    double expected = Double.parseDouble(text);

    assertThat(Math.abs(parse(text) - expected)).isLessThanOrEqualTo(Math.ulp(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".", "1.2.3", "abc", "12x", "1e", "NaN", "1,5"})
  void shouldRejectWhatIsNotANumber(String text) {
    assertThat(parse(text)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "1.0", "x1", "12345678901"})
  void shouldRejectWhatIsNotAnInt(String text) {
    assertThat(Numbers.parseInt(text, 0, text.length())).isEqualTo(Numbers.NOT_AN_INT);
  }
}
