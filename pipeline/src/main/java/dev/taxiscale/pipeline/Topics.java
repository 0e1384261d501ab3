package dev.taxiscale.pipeline;

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

  private Topics() {}
}
