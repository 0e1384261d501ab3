package dev.taxiscale.broker;

import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.util.Properties;

/** The server settings of the single-node embedded broker. */
final class BrokerProperties {
  private BrokerProperties() {}

  static Properties of(BrokerConfig config) {
    String host = EmbeddedBroker.HOST;
    String controller = EmbeddedBroker.CONTROLLER_LISTENER;
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    // static voters: the controller port must be known before binding
    p.put("controller.quorum.voters", "1@" + host + ":" + config.controllerPort());
    p.put(
        "listeners",
        "PLAINTEXT://"
            + host
            + ":"
            + config.port()
            + ","
            + controller
            + "://"
            + host
            + ":"
            + config.controllerPort());
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + config.port());
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + controller + ":PLAINTEXT");
    p.put("controller.listener.names", controller);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", config.dataDir().toAbsolutePath().toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    // a lone broker has no one to wait for: join groups at once
    p.put("group.initial.rebalance.delay.ms", "0");
    // lets workers choose short session timeouts so a killed worker is noticed quickly
    p.put("group.min.session.timeout.ms", "1000");
    p.put("auto.create.topics.enable", "false");
    p.put("log.retention.hours", "24");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("background.threads", "2");
    p.put("log.cleaner.threads", "1");
    return p;
  }
}
