package dev.taxiscale.bench;

import java.util.List;

/**
 * Gunther's Universal Scalability Law fitted to measured throughput: {@code X(N) = λN / (1 + σ(N-1)
 * + κN(N-1))}, where σ is contention (work that serializes) and κ coherency (cost that grows with
 * every pair of nodes).
 *
 * @param lambda throughput of one node
 * @param sigma contention coefficient, at least 0
 * @param kappa coherency coefficient, at least 0
 */
public record Usl(double lambda, double sigma, double kappa) {

  /** One measurement: throughput at a node count. */
  public record Point(int nodes, double throughput) {}

  /**
   * Least squares on the linearized law with λ fixed at the one-node throughput: {@code N/C(N) - 1
   * = σ(N-1) + κN(N-1)}, with C(N) = X(N)/X(1). A coefficient that comes out negative is held at 0
   * and the other refitted.
   */
  public static Usl fit(List<Point> points) {
    double lambda =
        points.stream()
            .filter(p -> p.nodes() == 1)
            .mapToDouble(Point::throughput)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("a fit needs the one-node throughput"));
    double saa = 0, sab = 0, sbb = 0, say = 0, sby = 0;
    for (Point p : points) {
      double n = p.nodes();
      double y = n * lambda / p.throughput() - 1;
      double a = n - 1;
      double b = n * (n - 1);
      saa += a * a;
      sab += a * b;
      sbb += b * b;
      say += a * y;
      sby += b * y;
    }
    double det = saa * sbb - sab * sab;
    double sigma = det == 0 ? 0 : (say * sbb - sby * sab) / det;
    double kappa = det == 0 ? 0 : (saa * sby - sab * say) / det;
    if (kappa < 0 || det == 0) {
      kappa = 0;
      sigma = saa == 0 ? 0 : say / saa;
    }
    if (sigma < 0) {
      sigma = 0;
      kappa = sbb == 0 ? 0 : Math.max(0, sby / sbb);
    }
    return new Usl(lambda, sigma, kappa);
  }

  /** Throughput the law predicts at {@code nodes}. */
  public double predict(double nodes) {
    return lambda * nodes / (1 + sigma * (nodes - 1) + kappa * nodes * (nodes - 1));
  }

  /** The node count where throughput peaks, or infinity when nothing bends the curve back. */
  public double peakNodes() {
    return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
  }
}
