package dev.taxiscale.app;

import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Kafka is: an external cluster by flag or environment, else the embedded broker. */
final class KafkaOptions {
  @Option(
      names = "--kafka-bootstrap",
      defaultValue = "${env:TAXISCALE_KAFKA_BOOTSTRAP}",
      description =
          "External Kafka bootstrap servers, e.g. host:9092 (env TAXISCALE_KAFKA_BOOTSTRAP;"
              + " default: embedded broker)")
  String bootstrap;

  @Option(
      names = "--kafka-port",
      defaultValue = "${env:TAXISCALE_KAFKA_PORT:-9092}",
      description = "Port of the embedded broker on 127.0.0.1 (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--kafka-controller-port",
      defaultValue = "${env:TAXISCALE_KAFKA_CONTROLLER_PORT:-9093}",
      description = "KRaft controller port of the embedded broker (default ${DEFAULT-VALUE})")
  int controllerPort;

  @Option(
      names = "--request-partitions",
      defaultValue = "${env:TAXISCALE_REQUEST_PARTITIONS:-24}",
      description =
          "Partitions of the requests topic when it is created (default ${DEFAULT-VALUE})")
  int requestPartitions;

  BrokerConfig broker(Path dataDir) {
    return new BrokerConfig(bootstrap, dataDir.resolve("kafka"), port, controllerPort);
  }

  TopicConfig topics() {
    return TopicConfig.fromEnvironment(System.getenv()).withRequestPartitions(requestPartitions);
  }
}
