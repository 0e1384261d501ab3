package dev.taxiscale.core.format;

import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing plus cleaning throughput per line, on generated files with 5% dirty rows. Run (about 2
 * minutes; results in ops/s = lines/s, ~1.5-2.5M for the TLC formats on one core):
 *
 * <pre>
 * ./mvnw -q -pl core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/test-classpath.txt) \
 *     org.openjdk.jmh.Main TripLineProcessorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TripLineProcessorBenchmark {
  private static final int LINES = 100_000;

  @Param({"YELLOW_2014", "GREEN_2014", "UBER_2014", "YELLOW_2015"})
  public TripFormat format;

  private TripLineProcessor processor;
  private String[] lines;

  @Setup
  public void generate() throws UnknownFormatException {
    String[] all = TripGenerator.text(GeneratorConfig.of(format, LINES)).split("\n");
    processor = TripLineProcessor.forHeader(all[0]);
    lines =
        Arrays.stream(all, 1, all.length)
            .filter(line -> !TripLineProcessor.isBlank(line))
            .toArray(String[]::new);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void processLines(Blackhole sink) {
    for (int i = 0; i < lines.length; i++) {
      sink.consume(processor.process(lines[i], 1, i + 2));
    }
  }
}
