package dev.taxiscale.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scale suite found: capacity per node count, scaling efficiency, the USL fit, the
 * with/without table, cold starts, the composite ride request and a capacity model.
 *
 * @param efficiency throughput(N) / (N x throughput(1)) by node count
 * @param composite the composite ride request with each node's share granted steadily ({@link
 *     dev.taxiscale.cluster.CpuBudget#steady()}), as nodes with cores of their own would run it
 * @param compositeBursting the same with the share granted in bursts per the suite's period, so
 *     that nodes bursting at once share the machine's cores
 */
public record ScaleReport(
    ScaleOptions options,
    Machine machine,
    List<ScalePoint> scale,
    Map<Integer, Double> efficiency,
    Usl usl,
    List<WithWithout> withWithout,
    List<ColdStart> coldStarts,
    CompositeProbe composite,
    CompositeProbe compositeBursting,
    CapacityModel capacity,
    List<String> notes,
    double seconds) {

  static ScaleReport of(
      ScaleOptions options,
      Machine machine,
      List<ScalePoint> points,
      List<WithWithout> withWithout,
      List<ColdStart> coldStarts,
      CompositeProbe composite,
      CompositeProbe compositeBursting,
      List<String> notes,
      double seconds) {
    double one = points.get(0).throughput();
    Map<Integer, Double> efficiency = new LinkedHashMap<>();
    List<Usl.Point> fitted = new ArrayList<>();
    for (ScalePoint p : points) {
      fitted.add(new Usl.Point(p.nodes(), p.throughput()));
      if (p.nodes() > 1) {
        efficiency.put(p.nodes(), p.throughput() / (p.nodes() * one));
      }
    }
    ScalePoint largest = points.get(points.size() - 1);
    return new ScaleReport(
        options,
        machine,
        List.copyOf(points),
        efficiency,
        Usl.fit(fitted),
        List.copyOf(withWithout),
        List.copyOf(coldStarts),
        composite,
        compositeBursting,
        CapacityModel.of(largest, options.nodeCpu().cpus()),
        List.copyOf(notes),
        seconds);
  }

  /** Mean latency of the compared node count over one node's, in the with/without table. */
  public double withWithoutMeanRatio() {
    if (withWithout.size() < 2) {
      return Double.NaN;
    }
    return withWithout.get(withWithout.size() - 1).meanMs() / withWithout.get(0).meanMs();
  }
}
