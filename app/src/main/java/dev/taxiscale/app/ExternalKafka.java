package dev.taxiscale.app;

import picocli.CommandLine.Option;

/** The Kafka cluster a separate worker or gateway process joins: it never starts its own. */
final class ExternalKafka {
  @Option(
      names = "--kafka-bootstrap",
      required = true,
      defaultValue = "${env:TAXISCALE_KAFKA_BOOTSTRAP}",
      description = "Kafka bootstrap servers (env TAXISCALE_KAFKA_BOOTSTRAP)")
  String bootstrap;
}
