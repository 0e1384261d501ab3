package dev.taxiscale.bench.overload;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What the clients of one step met, counted as they go; safe to add to from many threads. */
final class OverloadTally {
  private static final long HIGHEST_MICROS = 60_000_000;

  private final LongAdder answered = new LongAdder();
  private final LongAdder shed = new LongAdder();
  private final LongAdder gatewayTimeouts = new LongAdder();
  private final LongAdder otherStatus = new LongAdder();
  private final LongAdder clientTimeouts = new LongAdder();
  private final LongAdder ioErrors = new LongAdder();
  private final Recorder answeredMicros = new Recorder(HIGHEST_MICROS, 3);
  private final Recorder shedMicros = new Recorder(HIGHEST_MICROS, 3);

  /** One HTTP answer with {@code status} after {@code micros}. */
  void status(int status, long micros) {
    long clamped = Math.min(Math.max(micros, 1), HIGHEST_MICROS);
    if (status >= 200 && status < 300) {
      answered.increment();
      answeredMicros.recordValue(clamped);
    } else if (status == 503) {
      shed.increment();
      shedMicros.recordValue(clamped);
    } else if (status == 504) {
      gatewayTimeouts.increment();
    } else {
      otherStatus.increment();
    }
  }

  /** A request that got no answer within the client's timeout: it hung. */
  void clientTimeout() {
    clientTimeouts.increment();
  }

  /** A connection refused, reset or closed before an answer. */
  void ioError() {
    ioErrors.increment();
  }

  /** The counts so far, as rates over {@code seconds}. */
  OverloadStep step(int connections, double seconds) {
    Histogram ok = answeredMicros.getIntervalHistogram();
    Histogram turnedAway = shedMicros.getIntervalHistogram();
    return new OverloadStep(
        connections,
        seconds,
        answered.sum(),
        shed.sum(),
        gatewayTimeouts.sum(),
        clientTimeouts.sum(),
        otherStatus.sum(),
        ioErrors.sum(),
        millis(ok, 50),
        millis(ok, 99),
        millis(turnedAway, 99));
  }

  private static double millis(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
