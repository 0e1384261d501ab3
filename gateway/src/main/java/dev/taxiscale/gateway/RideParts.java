package dev.taxiscale.gateway;

/** Where the parts of a ride request run when queries go over Kafka. */
public enum RideParts {
  /**
   * Each part is a record of its own, sent to a worker of its own while there are enough, so that
   * the parts run on different nodes at once: for workers with CPU of their own, as pods have.
   */
  APART,
  /**
   * The ride is one record: the worker that takes it runs the parts at once on its own threads and
   * replies once. For workers that share one host's cores, as those of {@code taxiscale up} do:
   * spreading the parts there buys no CPU and costs a broker round trip per part (docs/bench.md, "A
   * ride's parts together").
   */
  TOGETHER
}
