package dev.taxiscale.store.query;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.store.query.FareEstimateQuery.Sample;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the radius of a fare estimate and says what it chose. A radius the client gave is used as
 * given, halved only while its sample would read more than the cap. Without one the search widens
 * through {@link FareEstimateRequest#WIDENING_STEPS_M} until {@code minSample} trips match, never
 * past the last step, and stops early where the next step would read more than the cap.
 */
final class FareSearch {

  private final long cap;
  private final int timeoutSeconds;

  /**
   * @param cap the most candidate trips one sample may read (the cost guard's {@code maxFareRows})
   */
  FareSearch(long cap, int timeoutSeconds) {
    this.cap = cap;
    this.timeoutSeconds = timeoutSeconds;
  }

  FareEstimateResult run(Connection connection, FareEstimateRequest asked) throws SQLException {
    List<String> notices = new ArrayList<>();
    if (asked.radiusMeters() != null) {
      return narrowed(connection, asked, notices);
    }
    List<Double> steps = asked.radii();
    FareEstimateRequest tried = asked.withRadius(steps.get(0));
    Sample found = sample(connection, tried);
    if (found.capped(cap)) {
      return narrowed(connection, tried, notices);
    }
    for (double radius : steps.subList(1, steps.size())) {
      if (found.matched() >= asked.minSample()) {
        break;
      }
      Sample wider = sample(connection, asked.withRadius(radius));
      if (wider.capped(cap)) {
        notices.add(
            String.format(
                "stopped widening at %.0f m: %.0f m would read more than %d trips",
                tried.radius(), radius, cap));
        break;
      }
      tried = asked.withRadius(radius);
      found = wider;
    }
    if (tried.radius() > asked.radius()) {
      notices.add(
          String.format(
              "radius widened from %.0f m to %.0f m to find at least %d trips",
              asked.radius(), tried.radius(), asked.minSample()));
    }
    return result(tried, found, notices);
  }

  /** The given radius, halved while its sample would read too many trips. */
  private FareEstimateResult narrowed(
      Connection connection, FareEstimateRequest asked, List<String> notices) throws SQLException {
    FareEstimateRequest request = asked;
    Sample found = sample(connection, request);
    while (found.capped(cap) && request.radius() / 2 >= FareEstimateRequest.MIN_RADIUS_M) {
      request = request.withRadius(request.radius() / 2);
      found = sample(connection, request);
    }
    if (request != asked) {
      notices.add(
          String.format(
              "radius narrowed from %.0f m to %.0f m: the wider one would read more than %d trips",
              asked.radius(), request.radius(), cap));
    }
    if (found.capped(cap)) {
      notices.add(String.format("sampled only the first %d trips between the two areas", cap));
    }
    return result(request, found, notices);
  }

  private Sample sample(Connection connection, FareEstimateRequest request) throws SQLException {
    return FareEstimateQuery.run(connection, request, cap, timeoutSeconds);
  }

  private static FareEstimateResult result(
      FareEstimateRequest request, Sample sample, List<String> notices) {
    long n = sample.matched();
    boolean enough = n >= request.minSample();
    return new FareEstimateResult(
        enough,
        n,
        request.minSample(),
        request.radius(),
        enough ? sample.fare() : null,
        enough ? sample.minutes() : null,
        enough ? estimate(n, request, sample) : tooFew(n, request),
        null,
        notices);
  }

  private static String estimate(long n, FareEstimateRequest request, Sample sample) {
    return String.format(
        "%d trips within %.0f m: median fare $%.2f, median duration %.0f min",
        n, request.radius(), sample.fare().median(), sample.minutes().median());
  }

  private static String tooFew(long n, FareEstimateRequest request) {
    String widen =
        request.radius() < FareEstimateRequest.MAX_RADIUS_M
            ? String.format("radiusMeters (%.0f) or ", request.radius())
            : "";
    return String.format(
        "not enough history: %d matching trips within %.0f m, at least %d needed;"
            + " widen %stoleranceMinutes (%d)",
        n, request.radius(), request.minSample(), widen, request.toleranceMinutes());
  }
}
