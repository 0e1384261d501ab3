package dev.taxiscale.bench.overload;

import java.util.Locale;

/**
 * What {@code connections} closed-loop clients got from the gateway in one measured step.
 *
 * @param answered 2xx answers: the goodput's count
 * @param shed 503 answers, which tell the client to retry later
 * @param gatewayTimeouts 504 answers: admitted requests that got no reply in time
 * @param clientTimeouts requests with no answer at all within the client's timeout
 * @param otherStatus any other status
 * @param ioErrors connections refused, reset or closed before an answer
 * @param answeredP50Millis median latency of the 2xx answers
 * @param answeredP99Millis 99th percentile of the 2xx answers
 * @param shedP99Millis 99th percentile of the 503 answers: how fast a refusal comes
 */
record OverloadStep(
    int connections,
    double seconds,
    long answered,
    long shed,
    long gatewayTimeouts,
    long clientTimeouts,
    long otherStatus,
    long ioErrors,
    double answeredP50Millis,
    double answeredP99Millis,
    double shedP99Millis) {
  OverloadStep {
    if (connections < 1 || !(seconds > 0)) {
      throw new IllegalArgumentException(
          "a step needs at least 1 connection and a positive duration");
    }
  }

  /** 2xx answers per second. */
  double goodput() {
    return answered / seconds;
  }

  /** Requests admitted and then not answered: 504s and client-side timeouts. */
  long admittedUnanswered() {
    return gatewayTimeouts + clientTimeouts;
  }

  /** One line for the step's figures. */
  String line() {
    return String.format(
        Locale.ROOT,
        "%,6d connections: %,8.0f 2xx/s  %,8.0f 503/s  504 %,d  hung %,d  other %,d  io errors %,d"
            + "  2xx p50 %.1f ms p99 %.1f ms  503 p99 %.1f ms",
        connections,
        goodput(),
        shed / seconds,
        gatewayTimeouts,
        clientTimeouts,
        otherStatus,
        ioErrors,
        answeredP50Millis,
        answeredP99Millis,
        shedP99Millis);
  }
}
