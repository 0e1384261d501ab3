package dev.taxiscale.pipeline;

import java.util.Map;

/**
 * How the pipeline's topics are created when missing.
 *
 * @param requestPartitions partitions of the requests topic: the most workers that can share the
 *     load
 * @param replyPartitions partitions of the replies topic
 * @param replicationFactor copies of each partition; 1 on a single broker
 */
public record TopicConfig(int requestPartitions, int replyPartitions, short replicationFactor) {
  public static final String ENV_REQUEST_PARTITIONS = "TAXISCALE_REQUEST_PARTITIONS";
  public static final String ENV_REPLY_PARTITIONS = "TAXISCALE_REPLY_PARTITIONS";
  public static final String ENV_REPLICATION_FACTOR = "TAXISCALE_REPLICATION_FACTOR";

  public static final int DEFAULT_REQUEST_PARTITIONS = 24;
  public static final int DEFAULT_REPLY_PARTITIONS = 2;

  public TopicConfig {
    if (requestPartitions < 1 || requestPartitions > 1_000) {
      throw new IllegalArgumentException(
          "requestPartitions must be in [1, 1000], got " + requestPartitions);
    }
    if (replyPartitions < 1 || replyPartitions > 1_000) {
      throw new IllegalArgumentException(
          "replyPartitions must be in [1, 1000], got " + replyPartitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replicationFactor must be at least 1, got " + replicationFactor);
    }
  }

  /**
   * 24 request partitions (an even share for 1, 2, 3, 4, 6, 8 or 12 workers), two reply partitions,
   * one replica.
   */
  public static TopicConfig defaults() {
    return new TopicConfig(DEFAULT_REQUEST_PARTITIONS, DEFAULT_REPLY_PARTITIONS, (short) 1);
  }

  /** The defaults overridden by {@code TAXISCALE_REQUEST_PARTITIONS} and its siblings. */
  public static TopicConfig fromEnvironment(Map<String, String> env) {
    return new TopicConfig(
        Env.intOf(env, ENV_REQUEST_PARTITIONS, DEFAULT_REQUEST_PARTITIONS),
        Env.intOf(env, ENV_REPLY_PARTITIONS, DEFAULT_REPLY_PARTITIONS),
        (short) Env.intOf(env, ENV_REPLICATION_FACTOR, 1));
  }

  public TopicConfig withRequestPartitions(int partitions) {
    return new TopicConfig(partitions, replyPartitions, replicationFactor);
  }
}
