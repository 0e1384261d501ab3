package dev.taxiscale.pipeline;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The names of the pipeline's topics; see docs/wire-contract.md. */
public final class Topics {
  /** Query requests, keyed by area so that nearby requests share a partition. */
  public static final String REQUESTS = "taxiscale.requests";

  /** Replies, keyed by correlation id; the default reply-to topic. */
  public static final String REPLIES = "taxiscale.replies";

  /** Request records a worker could not read, with the reason in a header. */
  public static final String DEAD_LETTER = "taxiscale.requests.dead-letter";

  /** The consumer group the workers share. */
  public static final String WORKER_GROUP = "taxiscale-workers";

  /**
   * The largest reply record, uncompressed, the workers send and the replies topic holds: room for
   * the largest heatmap a request may ask for (250,000 cell-hours, under 50 MB of JSON).
   */
  public static final int MAX_REPLY_BYTES = 64 * 1024 * 1024;

  /**
   * Replies larger than this go compressed, smaller ones as they are. Compressing a reply of a few
   * kilobytes saves nothing on the way and costs time at both ends (a zstd stream per record
   * batch): about a third of a millisecond per round trip, measured on an idle two-core machine.
   */
  public static final int COMPRESS_REPLIES_ABOVE = 64 * 1024;

  /** More reply topics workers may answer on, comma-separated, besides {@link #REPLIES}. */
  public static final String ENV_REPLY_TOPICS = "TAXISCALE_REPLY_TOPICS";

  private Topics() {}

  /**
   * The reply topics a worker answers on: {@link #REPLIES} plus those of {@value
   * #ENV_REPLY_TOPICS}. A request naming any other topic is dead-lettered at once, so a forged
   * reply-to never makes a worker wait for a topic that does not exist.
   */
  public static Set<String> replyTopics(Map<String, String> env) {
    Set<String> topics = new LinkedHashSet<>();
    topics.add(REPLIES);
    String extra = env.getOrDefault(ENV_REPLY_TOPICS, "");
    for (String topic : Arrays.stream(extra.split(",")).map(String::trim).toList()) {
      if (topic.isEmpty()) {
        continue;
      }
      if (!WireHeaders.isReplyTopic(topic)) {
        throw new IllegalArgumentException(
            ENV_REPLY_TOPICS + " may name only taxiscale.replies topics, got '" + topic + "'");
      }
      topics.add(topic);
    }
    return Set.copyOf(topics);
  }
}
