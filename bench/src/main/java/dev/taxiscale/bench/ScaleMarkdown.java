package dev.taxiscale.bench;

import dev.taxiscale.cluster.CpuBudget;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code report.md} of the scale suite. */
final class ScaleMarkdown {
  private ScaleMarkdown() {}

  static String render(ScaleReport r) {
    StringBuilder md = new StringBuilder("# taxiscale scale-out report\n\n");
    line(md, "Machine: %s. Run took %.0f s.", r.machine().describe(), r.seconds());
    line(
        md,
        "A node is one query worker (its own connection pool) and one PostgreSQL streaming read"
            + " replica sharing a CFS quota of %.2f CPU, as a Kubernetes node hosting a worker pod"
            + " and a replica pod. Outside the nodes: %d gateways, the Kafka broker, the primary"
            + " and the load generator, each reported with the CPU it used. Every figure is warm:"
            + " each node count was loaded until three %d s windows in a row were within 5%%.",
        r.options().nodeCpu().cpus(),
        r.options().gateways(),
        r.options().windowSeconds());
    md.append("\n## Throughput against nodes\n\n");
    md.append(
        "| nodes | clients | req/s | ideal | efficiency | p50 ms | p99 ms | errors | warm after s | busiest worker / mean |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    double one = r.scale().get(0).throughput();
    for (ScalePoint p : r.scale()) {
      line(
          md,
          "| %d | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %d | %.0f%s | %.2f |",
          p.nodes(),
          p.clients(),
          p.throughput(),
          one * p.nodes(),
          p.throughput() / (one * p.nodes()),
          p.p50Ms(),
          p.p99Ms(),
          p.errors(),
          p.warmUpSeconds(),
          p.stable() ? "" : " (not stable)",
          p.maxShare());
    }
    line(
        md,
        "\nUSL fit: λ = %.0f req/s, σ (contention) = %.4f, κ (coherency) = %.5f; predicted at 8"
            + " nodes %.0f req/s (efficiency %.2f)%s.",
        r.usl().lambda(),
        r.usl().sigma(),
        r.usl().kappa(),
        r.usl().predict(8),
        r.usl().predict(8) / (8 * r.usl().lambda()),
        Double.isFinite(r.usl().peakNodes())
            ? String.format(Locale.ROOT, ", peak at %.1f nodes", r.usl().peakNodes())
            : "");
    md.append("\n## CPU by component (cores used while measuring)\n\n");
    for (ScalePoint p : r.scale()) {
      line(md, "- %d nodes: %s", p.nodes(), format(p.cpuCores(), "%.2f"));
      line(md, "  - CPU ms per request: %s", format(p.cpuMsPerRequest(), "%.3f"));
      line(md, "  - answers per worker: %s", p.workerAnswers());
    }
    md.append("\n## With and without the scaled architecture\n\n");
    line(
        md,
        "The %d distinct requests of the default set, offered open-loop at %.1fx one node's"
            + " capacity, five times:\n",
        r.options().requests(),
        r.options().overload());
    md.append("| nodes | offered req/s | requests | mean ms | p50 ms | p99 ms | errors |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (WithWithout w : r.withWithout()) {
      line(
          md,
          "| %d | %.0f | %d | %.1f | %.1f | %.1f | %d |",
          w.nodes(),
          w.ratePerSecond(),
          w.requests(),
          w.meanMs(),
          w.p50Ms(),
          w.p99Ms(),
          w.errors());
    }
    line(md, "\nMean latency ratio (more nodes / one node): %.3f.", r.withWithoutMeanRatio());
    if (!r.coldStarts().isEmpty()) {
      md.append("\n## Cold start of an added node\n\n");
      r.coldStarts().forEach(c -> line(md, "- %s", c.describe()));
    }
    if (r.composite() != null) {
      md.append("\n## Composite ride request\n\n");
      line(
          md,
          "Each part on a node of its own, one ride at a time. Granted in bursts (the suite's"
              + " period), nodes bursting at once share this machine's cores with the broker and"
              + " the gateways; granted steadily (the shortest period the kernel allows), each node"
              + " is a slower CPU of its own, as on a cluster. The goal is judged steadily.\n");
      composite(md, r.options().nodeCpu().steady(), r.composite());
      if (r.compositeBursting() != null) {
        composite(md, r.options().nodeCpu(), r.compositeBursting());
      }
    }
    md.append("\n## Capacity model\n\n");
    line(
        md,
        "CPU ms per request at %d nodes: %s. Pods of 0.5 CPU at %.0f%% use:",
        r.scale().get(r.scale().size() - 1).nodes(),
        format(r.capacity().cpuMsPerRequest(), "%.3f"),
        r.capacity().targetUtilization() * 100);
    for (double rate : new double[] {500, 2_000, 10_000}) {
      line(md, "- %.0f req/s: %s", rate, r.capacity().pods(rate, 0.5));
    }
    if (!r.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      r.notes().forEach(n -> line(md, "- %s", n));
    }
    return md.toString();
  }

  private static String format(Map<String, Double> values, String pattern) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, pattern, e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static void composite(StringBuilder md, CpuBudget budget, CompositeProbe c) {
    line(
        md,
        "- %s per %d ms period: %d rides, composite p50 %.2f ms; parts alone p50 %s; each ride's"
            + " slowest part alone p50 %.2f ms (most often %s); ratio %.2f; %d errors.",
        budget,
        budget.periodMicros() / 1_000,
        c.rides(),
        c.compositeP50Ms(),
        c.partP50Ms().entrySet().stream()
            .map(
                e -> e.getKey().field() + " " + String.format(Locale.ROOT, "%.2f ms", e.getValue()))
            .collect(Collectors.joining(", ")),
        c.slowestP50Ms(),
        c.slowestPart().field(),
        c.ratio(),
        c.errors());
  }

  private static void line(StringBuilder md, String pattern, Object... args) {
    md.append(String.format(Locale.ROOT, pattern, args)).append('\n');
  }
}
