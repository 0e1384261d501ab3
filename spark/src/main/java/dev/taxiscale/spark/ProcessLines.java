package dev.taxiscale.spark;

import dev.taxiscale.core.format.TripLineProcessor;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * Runs the shared {@link TripLineProcessor} over one partition of {@code (line, index)} pairs as
 * {@code zipWithIndex} numbers them, header already dropped: the physical line number is the index
 * plus one, so trip ids equal the local engine's. Blanks pass through as markers so that they are
 * counted exactly.
 */
final class ProcessLines implements FlatMapFunction<Iterator<Tuple2<String, Long>>, LineResult> {
  private static final long serialVersionUID = 1L;

  private final TripLineProcessor processor;
  private final int fileId;

  ProcessLines(TripLineProcessor processor, int fileId) {
    this.processor = processor;
    this.fileId = fileId;
  }

  @Override
  public Iterator<LineResult> call(Iterator<Tuple2<String, Long>> lines) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public LineResult next() {
        Tuple2<String, Long> indexed = lines.next();
        return process(indexed._1(), indexed._2() + 1);
      }
    };
  }

  LineResult process(String line, long lineNumber) {
    if (TripLineProcessor.isBlank(line)) {
      return LineResult.blank(lineNumber);
    }
    return LineResult.of(lineNumber, line, processor.process(line, fileId, lineNumber));
  }
}
