package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class UslTest {
  @Test
  void shouldRecoverTheCoefficientsOfACurveItWasGiven() {
    Usl truth = new Usl(100, 0.05, 0.002);
    List<Usl.Point> points =
        List.of(1, 2, 4, 8).stream().map(n -> new Usl.Point(n, truth.predict(n))).toList();

    Usl fitted = Usl.fit(points);

    assertThat(fitted.sigma()).isCloseTo(0.05, within(1e-9));
    assertThat(fitted.kappa()).isCloseTo(0.002, within(1e-9));
    assertThat(fitted.peakNodes()).isCloseTo(Math.sqrt(0.95 / 0.002), within(1e-6));
  }

  @Test
  void shouldSeeNoContentionInLinearScaling() {
    Usl fitted =
        Usl.fit(List.of(new Usl.Point(1, 50), new Usl.Point(2, 100), new Usl.Point(4, 200)));

    assertThat(fitted.sigma()).isCloseTo(0, within(1e-9));
    assertThat(fitted.kappa()).isCloseTo(0, within(1e-9));
    assertThat(fitted.peakNodes()).isInfinite();
  }

  @Test
  void shouldNeverFitNegativeCoefficientsToBetterThanLinearPoints() {
    Usl fitted =
        Usl.fit(List.of(new Usl.Point(1, 50), new Usl.Point(2, 104), new Usl.Point(4, 190)));

    assertThat(fitted.sigma()).isGreaterThanOrEqualTo(0);
    assertThat(fitted.kappa()).isGreaterThanOrEqualTo(0);
  }
}
