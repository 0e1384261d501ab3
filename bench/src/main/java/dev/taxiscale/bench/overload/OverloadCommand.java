package dev.taxiscale.bench.overload;

import dev.taxiscale.bench.OneLineCli;
import dev.taxiscale.bench.firstminutes.ManhattanClicks;
import dev.taxiscale.bench.firstminutes.Readiness;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale bench --suite overload}: goodput of a running gateway as closed-loop clients
 * grow past what it admits, one step per connection count, and whether the most connections still
 * get at least {@value OverloadReport#MIN_SHARE_OF_PEAK} of the peak with every admitted request
 * answered. About (ramp-up + window) per step plus a warm-up, 90 s with the defaults:
 *
 * <pre>
 * ./taxiscale up --data-dir /tmp/ts --http-port 18080 &amp;
 * ./taxiscale bench --suite overload --url http://127.0.0.1:18080 --connections 64,512,2000
 * </pre>
 */
@Command(
    name = "overload",
    mixinStandardHelpOptions = true,
    description = "Measure a running gateway's goodput as connections grow past its admission.")
public final class OverloadCommand implements Callable<Integer> {
  @Option(names = "--url", description = "the gateway (default ${DEFAULT-VALUE})")
  URI url = URI.create("http://127.0.0.1:8080");

  @Option(
      names = "--connections",
      split = ",",
      description = "closed-loop clients per step (default 64,512,2000)")
  List<Integer> connections = List.of(64, 512, 2000);

  @Option(names = "--window", description = "seconds counted per step (default ${DEFAULT-VALUE})")
  int window = 15;

  @Option(
      names = "--ramp-up",
      description = "seconds per step before counting (default ${DEFAULT-VALUE})")
  int rampUp = 5;

  @Option(
      names = "--warm-up",
      description = "seconds of load before the first step (default ${DEFAULT-VALUE})")
  int warmUp = 20;

  @Option(
      names = "--timeout",
      description = "seconds a client waits for an answer before it counts as hung (default 10)")
  int timeout = 10;

  @Option(
      names = "--shed-pause-ms",
      description = "pause after a 503 without a Retry-After header (default ${DEFAULT-VALUE})")
  int shedPauseMillis = 1_000;

  @Option(
      names = "--per-address",
      description = "connections per 127.0.0.x source address (default ${DEFAULT-VALUE})")
  int perAddress = 100;

  @Option(names = "--seed", description = "request seed (default ${DEFAULT-VALUE})")
  long seed = 42;

  /** Runs the suite; a bad option or an unreachable gateway is one line and exit code 2. */
  public static int execute(String[] args) {
    return OneLineCli.execute("bench", new OverloadCommand(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (connections.isEmpty() || connections.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("--connections must be counts of at least 1");
    }
    Readiness.await(url, Duration.ofMinutes(10));
    OverloadProbe probe =
        new OverloadProbe(
            url,
            bodies(),
            Duration.ofSeconds(timeout),
            Duration.ofMillis(shedPauseMillis),
            perAddress);
    int first = connections.get(0);
    System.out.printf("warming up: %d connections for %d s%n", first, warmUp);
    probe.run(first, Duration.ZERO, Duration.ofSeconds(Math.max(1, warmUp)));
    List<OverloadStep> steps = new ArrayList<>();
    for (int n : connections) {
      OverloadStep step = probe.run(n, Duration.ofSeconds(rampUp), Duration.ofSeconds(window));
      System.out.println(step.line());
      steps.add(step);
    }
    OverloadReport report = new OverloadReport(steps);
    System.out.println();
    report.lines().subList(steps.size(), report.lines().size()).forEach(System.out::println);
    return report.passed() ? 0 : 1;
  }

  private List<byte[]> bodies() {
    ManhattanClicks clicks = new ManhattanClicks(seed, LocalDateTime.of(2014, 4, 15, 18, 0));
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      bodies.add(clicks.nearby());
    }
    return bodies;
  }
}
