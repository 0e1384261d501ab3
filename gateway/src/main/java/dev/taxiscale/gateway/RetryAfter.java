package dev.taxiscale.gateway;

/**
 * How many seconds a refusal asks the client to wait: one while refusals are occasional, doubled
 * after every second in which the gateway kept turning requests away, up to {@value #MAX_SECONDS},
 * and halved back for every second without a refusal. Under sustained overload the clients turned
 * away then ask again less often, so that answering their repeated questions with 503s does not eat
 * the capacity the admitted requests need; a client that ignores the header still gets its cheap
 * 503.
 */
final class RetryAfter {
  /** Well inside the request timeout, so a waiting client is not turned into a timed-out one. */
  static final int MAX_SECONDS = 4;

  private static final long SECOND_NANOS = 1_000_000_000L;

  private long secondStart;
  private boolean refusedThisSecond;
  private int seconds = 1;

  RetryAfter(long now) {
    this.secondStart = now;
  }

  /** Notes a refusal at {@code now} and says how long to ask its client to wait. */
  synchronized int refused(long now) {
    roll(now);
    refusedThisSecond = true;
    return seconds;
  }

  private void roll(long now) {
    long elapsed = (now - secondStart) / SECOND_NANOS;
    if (elapsed < 1) {
      return;
    }
    long quiet = elapsed;
    if (refusedThisSecond) {
      seconds = Math.min(MAX_SECONDS, seconds * 2);
      quiet--;
    }
    // every quiet second halves it back
    seconds = (int) Math.max(1, seconds >> Math.min(quiet, 31));
    secondStart += elapsed * SECOND_NANOS;
    refusedThisSecond = false;
  }
}
