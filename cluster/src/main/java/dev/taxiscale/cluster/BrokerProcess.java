package dev.taxiscale.cluster;

import dev.taxiscale.broker.EmbeddedBroker;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.nio.file.Path;

/**
 * The local cluster's Kafka as a process of its own: an embedded KRaft broker on fixed ports with
 * the pipeline's topics ({@code TAXISCALE_REQUEST_PARTITIONS} and siblings apply), until SIGTERM.
 *
 * <p>Usage: {@code BrokerProcess LOG_DIR PORT CONTROLLER_PORT}
 */
public final class BrokerProcess {
  private BrokerProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: BrokerProcess LOG_DIR PORT CONTROLLER_PORT");
    }
    BrokerConfig config =
        new BrokerConfig(
            null, Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    EmbeddedBroker broker = EmbeddedBroker.start(config);
    TopicSetup.ensure(broker.bootstrapServers(), TopicConfig.fromEnvironment(System.getenv()));
    System.out.println("Kafka ready at " + broker.bootstrapServers());
    DatabaseProcess.runUntilStopped(broker);
  }
}
