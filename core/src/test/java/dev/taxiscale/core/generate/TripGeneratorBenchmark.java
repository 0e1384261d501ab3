package dev.taxiscale.core.generate;

import dev.taxiscale.core.format.TripFormat;
import java.io.IOException;
import java.io.OutputStream;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generator throughput per row, formatting into a discarding stream (no disk, no gzip). Run (about
 * 1 minute; ops/s = rows/s, ~1.2-1.5M for the TLC formats, ~4M for Uber):
 *
 * <pre>
 * ./mvnw -q -pl core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/test-classpath.txt) \
 *     org.openjdk.jmh.Main TripGeneratorBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TripGeneratorBenchmark {
  private static final int ROWS = 200_000;

  @Param({"YELLOW_2014", "GREEN_2014", "UBER_2014", "YELLOW_2015"})
  public TripFormat format;

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public GenerationReport writeRows() throws IOException {
    return TripGenerator.write(GeneratorConfig.of(format, ROWS), OutputStream.nullOutputStream());
  }
}
