package dev.taxiscale.bench.chaos;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of the chaos run saw: requests sent, answers by status, requests that got no
 * answer (lost), and correlation ids the workers replied to more than once (duplicates), read from
 * the reply topics. Safe to add to from many threads.
 */
final class ChaosTally {
  private final LongAdder sent = new LongAdder();
  private final LongAdder unanswered = new LongAdder();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> repliesById = new ConcurrentHashMap<>();

  /** A request went out. */
  void sent() {
    sent.increment();
  }

  /** A request was answered with {@code status}. */
  void answered(int status) {
    byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  /** A request got no answer: the client timed out or the connection broke. */
  void unanswered() {
    unanswered.increment();
  }

  /** Requests sent whose fate is not known yet. */
  long outstanding() {
    long answered = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    return sent.sum() - answered - unanswered.sum();
  }

  /** A worker's reply record for {@code correlationId} was seen on a reply topic. */
  void reply(String correlationId) {
    repliesById.computeIfAbsent(correlationId, id -> new LongAdder()).increment();
  }

  /** The counts so far, with {@code recoverySeconds} measured by the caller. */
  ChaosPhase phase(String name, double recoverySeconds) {
    Map<Integer, Long> statuses = new TreeMap<>();
    byStatus.forEach((status, n) -> statuses.put(status, n.sum()));
    long duplicates = repliesById.values().stream().mapToLong(n -> Math.max(0, n.sum() - 1)).sum();
    return new ChaosPhase(name, sent.sum(), statuses, duplicates, recoverySeconds);
  }
}
