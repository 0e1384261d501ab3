package dev.taxiscale.bench;

import dev.taxiscale.core.query.NearbyCab;
import dev.taxiscale.core.query.NearbyCabsResult;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import dev.taxiscale.core.trip.Source;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Request and reply encoding: what the gateway and the workers spend on {@link QueryJson} per
 * request, beside the milliseconds of the query itself. The parsing and generator benchmarks are
 * {@code core/src/test/java/dev/taxiscale/core/format/TripLineProcessorBenchmark} and {@code
 * core/src/test/java/dev/taxiscale/core/generate/TripGeneratorBenchmark}. Run (about 1 minute;
 * results in microseconds per operation):
 *
 * <pre>
 * ./mvnw -q -pl bench -am install -DskipTests
 * ./mvnw -q -pl bench test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt) \
 *     org.openjdk.jmh.Main QueryJsonBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryJsonBenchmark {
  private static final int REQUESTS = 100;

  /** The default set's 100 requests, all four types, drawn in January 2015 over Manhattan. */
  private final List<QueryRequest> requests =
      RequestSet.draw(RequestSetTest.MANHATTAN_JANUARY, 42, REQUESTS, RequestSet.ALL_TYPES)
          .requests();

  private final List<byte[]> requestJson = requests.stream().map(QueryJson::writeBytes).toList();

  /** A typical nearby-cabs reply: ten cabs. */
  private final QueryResult tenCabs = tenCabs();

  private final byte[] tenCabsJson = QueryJson.writeBytes(tenCabs);

  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public void requestRoundTrip(Blackhole hole) {
    for (QueryRequest request : requests) {
      hole.consume(QueryJson.readRequest(QueryJson.writeBytes(request)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public void requestParse(Blackhole hole) {
    for (byte[] json : requestJson) {
      hole.consume(QueryJson.readRequest(json));
    }
  }

  @Benchmark
  public QueryResult replyRoundTrip() {
    return QueryJson.readResult(QueryJson.writeBytes(tenCabs));
  }

  @Benchmark
  public byte[] replyWrite() {
    return QueryJson.writeBytes(tenCabs);
  }

  @Benchmark
  public QueryResult replyParse() {
    return QueryJson.readResult(tenCabsJson);
  }

  private static QueryResult tenCabs() {
    List<NearbyCab> cabs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      cabs.add(
          new NearbyCab(
              1_000 + i,
              Source.YELLOW,
              -73.985 + i * 1e-4,
              40.758,
              LocalDateTime.of(2015, 1, 15, 8, 30 - i),
              50.0 * i,
              i,
              1));
    }
    return new NearbyCabsResult(cabs, List.of());
  }
}
