package dev.taxiscale.broker;

import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft broker and controller in this JVM) bound to 127.0.0.1. Close every
 * client before closing it, or their close waits for its full timeout.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
  static final String HOST = "127.0.0.1";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int NODE_ID = 1;
  private static final int START_ATTEMPTS = 5;

  private final KafkaRaftServer server;
  private final BrokerConfig bound;

  private EmbeddedBroker(KafkaRaftServer server, BrokerConfig bound) {
    this.server = server;
    this.bound = bound;
  }

  /**
   * Formats the log directory on first use and starts the broker. Free ports are chosen when the
   * configured ones are 0; a port taken between choosing and binding is retried with new ones.
   */
  public static EmbeddedBroker start(BrokerConfig config) {
    if (!config.embedded()) {
      throw new IllegalArgumentException("bootstrap servers are set: use that cluster instead");
    }
    boolean choosePorts = config.port() == 0 || config.controllerPort() == 0;
    for (int attempt = 1; ; attempt++) {
      BrokerConfig ports = choosePorts ? withFreePorts(config) : config;
      try {
        return startOnce(ports);
      } catch (RuntimeException e) {
        if (!choosePorts || !isBindFailure(e) || attempt == START_ATTEMPTS) {
          throw e;
        }
        log.info("port taken while starting the broker, retrying with other ports");
      }
    }
  }

  private static EmbeddedBroker startOnce(BrokerConfig config) {
    KafkaConfig kafkaConfig = KafkaConfig.fromProps(BrokerProperties.of(config));
    formatOnce(config.dataDir(), kafkaConfig);
    KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      // a failed startup leaves non-daemon threads behind unless shut down explicitly
      server.shutdown();
      server.awaitShutdown();
      throw e;
    }
    log.info("Kafka broker started on {}:{}", HOST, config.port());
    return new EmbeddedBroker(server, config);
  }

  /** {@code 127.0.0.1:port}, for clients. */
  public String bootstrapServers() {
    return HOST + ":" + bound.port();
  }

  /** The configuration with the ports actually bound, to restart the same broker later. */
  public BrokerConfig boundConfig() {
    return bound;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    log.info("Kafka broker on port {} stopped", bound.port());
  }

  /** Reformatting a directory with a new cluster id fails, so format only when it is new. */
  private static void formatOnce(Path dataDir, KafkaConfig kafkaConfig) {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
          .addDirectory(dataDir.toString())
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka log directory " + dataDir, e);
    }
  }

  private static BrokerConfig withFreePorts(BrokerConfig config) {
    int port = config.port() == 0 ? freePort() : config.port();
    int controllerPort = config.controllerPort();
    while (controllerPort == 0 || controllerPort == port) {
      controllerPort = freePort();
    }
    return config.withPorts(port, controllerPort);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
