package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.Problem;

/** Ends a request with a problem answer; mapped to its status centrally in {@link GatewayApp}. */
final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
