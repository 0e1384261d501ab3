package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.TripFormat;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The generated files carry the byte-level quirks of the published ones. */
class GeneratedQuirksTest {
  private static final int ROWS = 50;

  private static String clean(TripFormat format) {
    return TripGenerator.text(GeneratorConfig.of(format, ROWS).withDirtyShare(0));
  }

  private static long count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1L;
  }

  @Test
  void yellow2014HasAnLfHeaderThenABlankCrlfLine() {
    assertThat(clean(TripFormat.YELLOW_2014))
        .startsWith(TripFormat.YELLOW_2014.header() + "\n\r\n");
  }

  @Test
  void yellow2014RowsEndInCrlf() {
    assertThat(count(clean(TripFormat.YELLOW_2014), "\r\n")).isEqualTo(ROWS + 1);
  }

  @Test
  void yellow2014UsesTextVendorAndPaymentCodes() {
    String firstRow = Generated.parse(GeneratorConfig.of(TripFormat.YELLOW_2014, 1)).lines()[2];

    assertThat(firstRow).matches("(CMT|VTS),.*,(CRD|CSH|NOC|DIS),.*");
  }

  @Test
  void green2014HasTwoBlankLinesAfterItsTrailingSpaceHeader() {
    assertThat(clean(TripFormat.GREEN_2014))
        .startsWith(TripFormat.GREEN_2014.header() + "\n\n\r\n");
  }

  @Test
  void green2014RowsHaveTwentyTwoFields() {
    String row = Generated.parse(GeneratorConfig.of(TripFormat.GREEN_2014, 1)).lines()[3];

    assertThat(row.split(",", -1)).hasSize(22);
  }

  @Test
  void uber2014QuotesTheHeaderDateAndBaseAndEndsLinesInCrlf() {
    String text = clean(TripFormat.UBER_2014);

    assertThat(text).startsWith("\"Date/Time\",\"Lat\",\"Lon\",\"Base\"\r\n");
    assertThat(text.split("\r\n")[1])
        .matches("\"\\d{1,2}/\\d{1,2}/2014 \\d{1,2}:\\d\\d:00\",[-.\\d]+,[-.\\d]+,\"B0\\d{4}\"");
  }

  @Test
  void yellow2015IsCrlfThroughout() {
    String text = clean(TripFormat.YELLOW_2015);

    assertThat(count(text, "\n")).isEqualTo(count(text, "\r\n")).isEqualTo(ROWS + 1);
  }

  @Test
  void yellow2015SpellsRateCodeIdInTheFirstHalfOf2015() {
    assertThat(clean(TripFormat.YELLOW_2015)).startsWith(TripFormat.YELLOW_2015.header());
  }

  @Test
  void yellow2015SpellsRatecodeIdFromJuly2015() {
    GeneratorConfig july =
        GeneratorConfig.of(TripFormat.YELLOW_2015, 1).withDates(LocalDate.of(2015, 7, 1), 31);

    assertThat(TripGenerator.text(july)).contains(",RatecodeID,");
  }
}
