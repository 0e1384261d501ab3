package dev.taxiscale.bench;

import dev.taxiscale.cluster.ClusterProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests each worker has answered, read from its Prometheus endpoint: the difference of two
 * readings is each worker's share of a measurement window.
 */
final class WorkerCounters {
  /** The workers' timer of answered requests, by status, as Prometheus names it. */
  static final String ANSWERED = "taxiscale_worker_requests_seconds";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Answers so far by worker name; a worker that does not answer its endpoint counts -1. */
  Map<String, Long> read(List<ClusterProcess> workers) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ClusterProcess worker : workers) {
      counts.put(worker.name(), readOne(worker.port()));
    }
    return counts;
  }

  private long readOne(int port) {
    String metrics = scrape(port);
    return metrics == null ? -1 : parse(metrics);
  }

  /** A worker's Prometheus page, or {@code null} when it does not answer. */
  String scrape(int port) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The sum of the answered-requests counters over every status. */
  static long parse(String metrics) {
    return timer(metrics, ANSWERED, null).count();
  }

  /**
   * The totals of one Prometheus timer on a page over every series whose labels hold {@code label}
   * (every series when it is {@code null}).
   */
  static KafkaLegs.Sum timer(String page, String name, String label) {
    long count = 0;
    double seconds = 0;
    for (String line : page.lines().toList()) {
      boolean isSum = series(line, name + "_sum", label);
      if (isSum || series(line, name + "_count", label)) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (isSum) {
          seconds += value;
        } else {
          count += (long) value;
        }
      }
    }
    return new KafkaLegs.Sum(count, seconds);
  }

  private static boolean series(String line, String name, String label) {
    if (!line.startsWith(name)) {
      return false;
    }
    char next = line.length() > name.length() ? line.charAt(name.length()) : '#';
    if (next != '{' && next != ' ') {
      return false;
    }
    return label == null || line.substring(name.length(), line.lastIndexOf(' ')).contains(label);
  }

  /** Each worker's answers between two readings. */
  static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new LinkedHashMap<>();
    after.forEach((name, count) -> delta.put(name, count - before.getOrDefault(name, 0L)));
    return delta;
  }
}
