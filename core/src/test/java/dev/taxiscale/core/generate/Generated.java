package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.trip.Trip;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A generated file parsed back the way the ingest engines read it. */
record Generated(String text, List<Trip> kept, Map<Reason, Long> rejected) {

  static Generated parse(GeneratorConfig config) {
    String text = TripGenerator.text(config);
    String[] lines = text.split("\n", -1);
    assertThat(lines[lines.length - 1]).as("text ends with a line ending").isEmpty();
    TripLineProcessor processor;
    try {
      processor = TripLineProcessor.forHeader(lines[0]);
    } catch (UnknownFormatException e) {
      throw new AssertionError(e);
    }
    List<Trip> kept = new ArrayList<>();
    Map<Reason, Long> rejected = new EnumMap<>(Reason.class);
    for (int i = 1; i < lines.length - 1; i++) {
      if (TripLineProcessor.isBlank(lines[i])) {
        continue;
      }
      Outcome outcome = processor.process(lines[i], 1, i + 1);
      if (outcome instanceof Outcome.Kept k) {
        kept.add(k.trip());
      } else if (outcome instanceof Outcome.Rejected r) {
        rejected.merge(r.reason(), 1L, Long::sum);
      }
    }
    return new Generated(text, kept, rejected);
  }

  /** The text's lines without their line endings, header first. */
  String[] lines() {
    return text.split("\r?\n", -1);
  }
}
