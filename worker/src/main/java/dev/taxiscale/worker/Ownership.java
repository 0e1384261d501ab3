package dev.taxiscale.worker;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which request partitions this worker may answer for, and whether it can trust that it still owns
 * them. A worker the system stopped (SIGSTOP, a frozen container, a long pause) for longer than its
 * session timeout has been dropped from the group and its partitions given to another worker, but
 * its consumer learns so only at a later heartbeat; until then it fetches from its old positions
 * and would answer requests the new owner answers too. So the poll thread vouches for the worker on
 * every turn, and a turn that comes more than {@code maxSilence} after the previous one withdraws
 * that trust until the group has confirmed the worker a member again. Thread-safe.
 */
final class Ownership {
  private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
  private final long maxSilenceNanos;
  // written by the poll thread only; one volatile so that a reader sees trust and its end together
  private volatile long trustedUntil = System.nanoTime();
  private long lastTurn;
  private boolean started;
  private boolean suspect;

  /**
   * @param maxSilence the longest gap between two turns of the poll thread that cannot have cost
   *     the worker its membership: well below the session timeout, since the last heartbeat may
   *     have been sent up to one heartbeat interval before the gap began
   */
  Ownership(Duration maxSilence) {
    this.maxSilenceNanos = maxSilence.toNanos();
  }

  /** The group gave these partitions to this worker. */
  void assigned(Collection<TopicPartition> partitions) {
    owned.addAll(partitions);
  }

  /** This worker gave these partitions up, or has lost them to another worker. */
  void released(Collection<TopicPartition> partitions) {
    owned.removeAll(partitions);
  }

  /**
   * A turn of the poll thread: returns whether the worker is trusted, which it stops being when
   * this turn comes too long after the previous one, until {@link #confirmed()}.
   */
  boolean turn() {
    long now = System.nanoTime();
    if (started && now - lastTurn > maxSilenceNanos) {
      suspect = true;
    }
    started = true;
    lastTurn = now;
    if (!suspect) {
      trustedUntil = now + maxSilenceNanos;
    }
    return !suspect;
  }

  /** The group has just confirmed this worker a member (a rebalance or a commit went through). */
  void confirmed() {
    started = true;
    suspect = false;
    lastTurn = System.nanoTime();
    trustedUntil = lastTurn + maxSilenceNanos;
  }

  /** Whether a reply for a request of {@code partition} may be sent now. */
  boolean mayReply(TopicPartition partition) {
    return System.nanoTime() - trustedUntil < 0 && owned.contains(partition);
  }

  /** Whether {@code partition} is still this worker's, trusted or not. */
  boolean owns(TopicPartition partition) {
    return owned.contains(partition);
  }
}
