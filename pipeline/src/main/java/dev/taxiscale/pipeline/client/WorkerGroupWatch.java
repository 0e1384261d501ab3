package dev.taxiscale.pipeline.client;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the workers' consumer group from a background thread: how many workers it has and how
 * many requests wait for them. HTTP threads and meter scrapes only read the last reading, so a
 * broker outage never blocks them; while no reading is fresh the figures are unknown.
 *
 * <p>Meters: {@code taxiscale.workers} (members of the group) and {@code taxiscale.consumer.lag}
 * (requests not yet committed by the group), both NaN while unknown.
 */
public final class WorkerGroupWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerGroupWatch.class);
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  /** A reading older than a few intervals means the broker stopped answering. */
  static final Duration STALE_AFTER = Duration.ofSeconds(5);

  private final Admin admin;
  private final WorkerGroupReader reader;
  private final EveryInterval loop;
  private volatile WorkerGroupReading latest;
  private boolean failing;

  /**
   * @param clientId names the admin connection, e.g. {@code taxiscale-gateway-1-workers}
   */
  public WorkerGroupWatch(String bootstrapServers, String clientId, MeterRegistry registry) {
    this.admin = Admin.create(ClientSettings.admin(bootstrapServers, clientId));
    this.reader = new WorkerGroupReader(admin, Topics.WORKER_GROUP, Topics.REQUESTS);
    this.loop = new EveryInterval(clientId, INTERVAL, this::read);
    Gauge.builder("taxiscale.workers", this, w -> w.figure(r -> r.workers()))
        .description("Workers in the consumer group, NaN while the broker does not say")
        .tag("group", Topics.WORKER_GROUP)
        .register(registry);
    Gauge.builder("taxiscale.consumer.lag", this, w -> w.figure(r -> r.consumerLag()))
        .description(
            "Requests the workers have not yet committed, NaN while the broker does not say")
        .tag("group", Topics.WORKER_GROUP)
        .tag("topic", Topics.REQUESTS)
        .register(registry);
  }

  /** Starts reading the group every second. */
  public WorkerGroupWatch start() {
    loop.start();
    return this;
  }

  /**
   * The last reading while it is fresh; empty before the first one and while the broker is away.
   */
  public Optional<WorkerGroupReading> current() {
    WorkerGroupReading reading = latest;
    if (reading == null || reading.readAt().isBefore(Instant.now().minus(STALE_AFTER))) {
      return Optional.empty();
    }
    return Optional.of(reading);
  }

  /** The last reading however old, to say when the figures were last known. */
  public Optional<WorkerGroupReading> latest() {
    return Optional.ofNullable(latest);
  }

  private double figure(ToDoubleFunction<WorkerGroupReading> value) {
    return current().map(value::applyAsDouble).orElse(Double.NaN);
  }

  /** Runs on the loop's thread only. */
  private void read() {
    try {
      latest = reader.read();
      failing = false;
    } catch (ExecutionException | RuntimeException e) {
      // the first reads may fail while the broker creates its offsets topic: not worth a warning
      if (!failing && latest != null && loop.running()) {
        log.warn("cannot read consumer group {}: {}", Topics.WORKER_GROUP, e.toString());
      }
      failing = true;
    } catch (InterruptedException e) {
      // close() is stopping the loop
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    loop.close();
    admin.close(Duration.ofSeconds(2));
  }
}
