package dev.taxiscale.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.TripLineProcessor;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fixtures must mean what their names say to the real parser and cleaning rules. */
class TripLinesTest {

  private static String header(TripFormat format) {
    return SampleFile.header(format);
  }

  private static Function<FixtureTrip, String> renderer(TripFormat format) {
    return SampleFile.renderer(format);
  }

  private static Outcome process(TripFormat format, String line) throws Exception {
    return TripLineProcessor.forHeader(header(format)).process(line, 1, 2);
  }

  @ParameterizedTest
  @EnumSource(TripFormat.class)
  void headerIsRecognizedAsItsFormat(TripFormat format) throws Exception {
    assertThat(TripLineProcessor.forHeader(header(format)).format()).isEqualTo(format);
  }

  @ParameterizedTest
  @EnumSource(TripFormat.class)
  void ordinaryRidesAreKept(TripFormat format) throws Exception {
    for (FixtureTrip ride :
        new FixtureTrip[] {
          FixtureTrip.pennStationToUnionSquare(),
          FixtureTrip.timesSquareToGrandCentral(),
          FixtureTrip.jfkToYankeeStadium()
        }) {
      assertThat(process(format, renderer(format).apply(ride)))
          .as("%s %s", format, ride)
          .isInstanceOf(Outcome.Kept.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TripFormat.class)
  void aRideFromNullIslandIsRejectedForZeroCoordinates(TripFormat format) throws Exception {
    Outcome outcome = process(format, renderer(format).apply(FixtureTrip.fromNullIsland()));

    assertThat(outcome).isEqualTo(new Outcome.Rejected(Reason.ZERO_COORDINATES, detail(outcome)));
  }

  @ParameterizedTest
  @EnumSource(TripFormat.class)
  void aCutOffLineIsRejectedAsTruncated(TripFormat format) throws Exception {
    String cut =
        TripLines.truncated(renderer(format).apply(FixtureTrip.pennStationToUnionSquare()));

    Outcome outcome = process(format, cut);

    assertThat(outcome).isEqualTo(new Outcome.Rejected(Reason.TRUNCATED_ROW, detail(outcome)));
  }

  private static String detail(Outcome outcome) {
    return outcome instanceof Outcome.Rejected rejected ? rejected.detail() : null;
  }
}
