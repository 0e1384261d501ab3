package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the genuine sample heads kept next to the repository (never inside it), when present: every
 * header is recognized and every complete row parses; only a cut-off last line may not.
 */
class GenuineSamplesTest {
  private static final Set<Reason> PARSE_FAILURES =
      EnumSet.of(Reason.TRUNCATED_ROW, Reason.UNPARSEABLE_TIMESTAMP, Reason.UNPARSEABLE_NUMBER);

  static Stream<Path> samples() throws IOException {
    Path dir =
        Stream.of(Path.of("../shared/data"), Path.of("../../shared/data"))
            .filter(Files::isDirectory)
            .findFirst()
            .orElse(null);
    if (dir == null) {
      return Stream.of(Path.of("(no ../shared/data)"));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> trips =
          files
              .filter(f -> f.getFileName().toString().matches("(yellow|green|uber).*\\.csv"))
              .sorted()
              .toList();
      return trips.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyCompleteRowOfAGenuineFileParses(Path file) throws Exception {
    assumeTrue(Files.isRegularFile(file), "genuine samples not present");
    String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
    TripLineProcessor processor = TripLineProcessor.forHeader(lines[0]);
    assertThat(processor.format()).isEqualTo(expectedFormat(file));

    for (int i = 1; i < lines.length - 1; i++) {
      if (TripLineProcessor.isBlank(lines[i])) {
        continue;
      }
      Outcome outcome = processor.process(lines[i], 1, i + 1);
      if (outcome instanceof Outcome.Rejected rejected) {
        assertThat(rejected.reason()).as("line %d: %s", i + 1, rejected).isNotIn(PARSE_FAILURES);
      }
    }
  }

  private static TripFormat expectedFormat(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith("uber")) {
      return TripFormat.UBER_2014;
    }
    if (name.startsWith("green")) {
      return TripFormat.GREEN_2014;
    }
    return name.contains("2014") ? TripFormat.YELLOW_2014 : TripFormat.YELLOW_2015;
  }
}
