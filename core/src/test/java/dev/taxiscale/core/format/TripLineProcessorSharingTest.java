package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The processor travels to Spark executors and is shared by reader threads. */
class TripLineProcessorSharingTest {
  private static final String HARLEM_TO_FORDHAM =
      "1,2014-06-07 01:15:00,2014-06-07 01:31:00,N,1,-73.946502685546875,40.811599731445313,"
          + "-73.898101806640625,40.861400604248047,3,4.12,15,0.5,0.5,0,0,,16,2,,,";

  @Test
  void shouldProcessAlikeAfterJavaSerialization() throws Exception {
    TripLineProcessor original = Lines.processorFor(FormatDetectionTest.GREEN_2014_HEADER);
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }

    TripLineProcessor copy;
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TripLineProcessor) in.readObject();
    }

    assertThat(copy.process(HARLEM_TO_FORDHAM, 2, 9))
        .isEqualTo(original.process(HARLEM_TO_FORDHAM, 2, 9));
  }

  @Test
  void shouldGiveEveryThreadTheSameOutcomes() throws Exception {
    TripLineProcessor shared = Lines.processorFor(FormatDetectionTest.GREEN_2014_HEADER);
    Outcome expected = shared.process(HARLEM_TO_FORDHAM, 2, 9);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results =
          IntStream.range(0, 4)
              .mapToObj(
                  t ->
                      pool.submit(
                          () ->
                              IntStream.range(0, 20_000)
                                  .allMatch(
                                      i ->
                                          shared
                                              .process(HARLEM_TO_FORDHAM, 2, 9)
                                              .equals(expected))))
              .toList();
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
