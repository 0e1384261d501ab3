package dev.taxiscale.store.query;

/** Rounds results to the precision that means something, which also keeps the JSON short. */
final class Rounding {

  private Rounding() {}

  /** Six decimals of a degree, about 10 cm. */
  static double degrees(double value) {
    return Math.round(value * 1e6) / 1e6;
  }

  static double decimeters(double meters) {
    return Math.round(meters * 10) / 10.0;
  }

  static double tenths(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static double cents(double dollars) {
    return Math.round(dollars * 100) / 100.0;
  }
}
