package dev.taxiscale.core.format;

import static dev.taxiscale.core.format.Lines.kept;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Yellow2015ParsingTest {
  /** LaGuardia to Midtown in January 2015 with a CMT meter; payment type as a placeholder. */
  private static final String LAGUARDIA_TO_MIDTOWN =
      "1,2015-01-20 17:30:00,2015-01-20 18:05:30,1,9.30,-73.874000549316406,40.776901245117188,"
          + "1,N,-73.985504150390625,40.757999420166016,PAYMENT,29.5,1,0.5,6,5.33,0.3,42.63\r";

  @ParameterizedTest
  @ValueSource(
      strings = {FormatDetectionTest.YELLOW_2015_HEADER, FormatDetectionTest.YELLOW_2016_HEADER})
  void shouldReadTheRateCodeUnderEitherSpelling(String header) {
    TripLineProcessor processor = Lines.processorFor(header);

    assertThat(kept(processor, LAGUARDIA_TO_MIDTOWN.replace("PAYMENT", "1")).rateCode())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"1, card", "2, cash", "3, no_charge", "4, dispute", "5, unknown", "6, voided"})
  void shouldNormalizeNumericPaymentTypes(String code, String payment) {
    TripLineProcessor processor = Lines.processorFor(FormatDetectionTest.YELLOW_2015_HEADER);

    assertThat(kept(processor, LAGUARDIA_TO_MIDTOWN.replace("PAYMENT", code)).payment())
        .isEqualTo(payment);
  }

  @ParameterizedTest
  @CsvSource({
    "CRD, card",
    "CSH, cash",
    "NOC, no_charge",
    "DIS, dispute",
    "UNK, unknown",
    "Credit, card",
    "CASH, cash",
    "No Charge, no_charge",
    "Dispute, dispute",
    "XYZ, unknown"
  })
  void shouldNormalizeTextPaymentTypes(String code, String payment) {
    TripLineProcessor processor = Lines.processorFor(FormatDetectionTest.YELLOW_2015_HEADER);

    assertThat(kept(processor, LAGUARDIA_TO_MIDTOWN.replace("PAYMENT", code)).payment())
        .isEqualTo(payment);
  }
}
