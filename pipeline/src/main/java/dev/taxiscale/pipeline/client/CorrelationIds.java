package dev.taxiscale.pipeline.client;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correlation ids of one client, {@code <instance>-<sequence>}: unique across clients by the random
 * instance part, and, used as record keys, spread evenly over the request partitions.
 */
final class CorrelationIds {
  private final String instance;
  private final AtomicLong sequence = new AtomicLong();

  CorrelationIds() {
    this(UUID.randomUUID().toString().substring(0, 8));
  }

  CorrelationIds(String instance) {
    this.instance = instance;
  }

  String next() {
    return instance + "-" + sequence.incrementAndGet();
  }
}
