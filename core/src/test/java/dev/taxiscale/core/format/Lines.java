package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.Trip;

/** Runs fixture lines through a processor and unwraps the expected outcome. */
final class Lines {
  static final int FILE_ID = 7;
  static final long LINE_NUMBER = 3;

  private Lines() {}

  static TripLineProcessor processorFor(String header) {
    try {
      return TripLineProcessor.forHeader(header);
    } catch (UnknownFormatException e) {
      throw new AssertionError(e);
    }
  }

  static Trip kept(TripLineProcessor processor, String line) {
    Outcome outcome = processor.process(line, FILE_ID, LINE_NUMBER);
    assertThat(outcome).isInstanceOf(Outcome.Kept.class);
    return ((Outcome.Kept) outcome).trip();
  }

  static Reason rejection(TripLineProcessor processor, String line) {
    Outcome outcome = processor.process(line, FILE_ID, LINE_NUMBER);
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected) outcome).reason();
  }
}
