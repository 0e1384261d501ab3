package dev.taxiscale.core.generate;

/**
 * SplitMix64 with StrictMath, so a seed yields the same numbers on every JDK and CPU: the JDK's
 * generators and {@code Math.log} leave room for differences between versions and platforms.
 */
final class Rng {
  private long state;
  private double spareGaussian = Double.NaN;

  Rng(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) % bound);
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /** Standard normal, by Marsaglia's polar method (one log and one square root per pair). */
  double gaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double spare = spareGaussian;
      spareGaussian = Double.NaN;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * factor;
    return u * factor;
  }

  /** An index drawn with probability proportional to its weight, from cumulative weights. */
  int pick(double[] cumulative) {
    double target = nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (target < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Running sums of weights, the form {@link #pick} takes. */
  static double[] cumulative(double... weights) {
    double[] sums = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      sums[i] = sum;
    }
    return sums;
  }
}
