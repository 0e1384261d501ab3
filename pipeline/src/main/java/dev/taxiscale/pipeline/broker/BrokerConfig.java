package dev.taxiscale.pipeline.broker;

import dev.taxiscale.pipeline.Env;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which Kafka to use: an external cluster by its bootstrap servers, or else a broker started
 * in-process on 127.0.0.1 with its log in {@code dataDir}.
 *
 * @param bootstrapServers {@code host:port,...} of an external cluster; {@code null} means embedded
 * @param dataDir where the embedded broker keeps its log and metadata
 * @param port the embedded broker's client port, 0 to choose a free one
 * @param controllerPort the embedded KRaft controller's port, 0 to choose a free one
 */
public record BrokerConfig(String bootstrapServers, Path dataDir, int port, int controllerPort) {
  public static final String ENV_BOOTSTRAP = "TAXISCALE_KAFKA_BOOTSTRAP";
  public static final String ENV_DATA_DIR = "TAXISCALE_KAFKA_DIR";
  public static final String ENV_PORT = "TAXISCALE_KAFKA_PORT";
  public static final String ENV_CONTROLLER_PORT = "TAXISCALE_KAFKA_CONTROLLER_PORT";

  public static final Path DEFAULT_DATA_DIR = Path.of("data", "kafka");
  public static final int DEFAULT_PORT = 9092;
  public static final int DEFAULT_CONTROLLER_PORT = 9093;

  public BrokerConfig {
    if (bootstrapServers != null && bootstrapServers.isBlank()) {
      bootstrapServers = null;
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("dataDir is required for the embedded broker");
    }
    // the KRaft formatter checks the metadata directory against the absolute log directories
    dataDir = dataDir.toAbsolutePath();
    checkPort("port", port);
    checkPort("controllerPort", controllerPort);
    if (port != 0 && port == controllerPort) {
      throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
    }
  }

  /** Embedded, under {@code data/kafka}, on ports 9092 and 9093. */
  public static BrokerConfig defaults() {
    return new BrokerConfig(null, DEFAULT_DATA_DIR, DEFAULT_PORT, DEFAULT_CONTROLLER_PORT);
  }

  /** An embedded broker in {@code dataDir} on free ports, as tests want. */
  public static BrokerConfig embeddedOnFreePorts(Path dataDir) {
    return new BrokerConfig(null, dataDir, 0, 0);
  }

  /** The defaults overridden by the {@code TAXISCALE_KAFKA_*} environment variables. */
  public static BrokerConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The defaults overridden by the given environment variables. */
  public static BrokerConfig fromEnvironment(Map<String, String> env) {
    return new BrokerConfig(
        env.get(ENV_BOOTSTRAP),
        env.containsKey(ENV_DATA_DIR) ? Path.of(env.get(ENV_DATA_DIR)) : DEFAULT_DATA_DIR,
        Env.intOf(env, ENV_PORT, DEFAULT_PORT),
        Env.intOf(env, ENV_CONTROLLER_PORT, DEFAULT_CONTROLLER_PORT));
  }

  /** Whether no bootstrap servers are configured, so a broker is started in-process. */
  public boolean embedded() {
    return bootstrapServers == null;
  }

  /** Where clients connect: the external cluster, or the embedded broker's configured port. */
  public String clientBootstrap() {
    return embedded() ? "127.0.0.1:" + port : bootstrapServers;
  }

  public BrokerConfig withBootstrapServers(String servers) {
    return new BrokerConfig(servers, dataDir, port, controllerPort);
  }

  public BrokerConfig withPorts(int newPort, int newControllerPort) {
    return new BrokerConfig(bootstrapServers, dataDir, newPort, newControllerPort);
  }

  private static void checkPort(String name, int value) {
    if (value < 0 || value > 65_535) {
      throw new IllegalArgumentException(name + " must be in [0, 65535], got " + value);
    }
  }
}
