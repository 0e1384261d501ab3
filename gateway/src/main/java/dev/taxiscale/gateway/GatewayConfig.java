package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.Env;
import java.time.Duration;
import java.util.Map;

/**
 * How the HTTP gateway listens and how long it waits.
 *
 * @param host the interface to bind, {@code 0.0.0.0} for all
 * @param port the HTTP port, 0 to choose a free one
 * @param mode whether queries travel over Kafka to workers or run in this process
 * @param requestTimeout how long a request may wait for its reply before a 504
 * @param maxInFlight requests waiting for replies at once; more get a 503 with Retry-After
 * @param maxBodyBytes the largest request body accepted
 * @param connections timeouts and per-address bounds on client connections
 * @param rideParts whether a ride request's parts go to workers apart or together, over Kafka
 */
public record GatewayConfig(
    String host,
    int port,
    Mode mode,
    Duration requestTimeout,
    int maxInFlight,
    int maxBodyBytes,
    ConnectionLimits connections,
    RideParts rideParts) {
  public static final String ENV_HOST = "TAXISCALE_HTTP_HOST";
  public static final String ENV_PORT = "TAXISCALE_HTTP_PORT";
  public static final String ENV_MODE = "TAXISCALE_GATEWAY_MODE";
  public static final String ENV_TIMEOUT = "TAXISCALE_GATEWAY_TIMEOUT_MS";
  public static final String ENV_MAX_IN_FLIGHT = "TAXISCALE_GATEWAY_MAX_IN_FLIGHT";
  public static final String ENV_MAX_BODY = "TAXISCALE_GATEWAY_MAX_BODY_BYTES";
  public static final String ENV_RIDE_PARTS = "TAXISCALE_GATEWAY_RIDE_PARTS";

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_IN_FLIGHT = 1_024;
  public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

  /** Where queries run. */
  public enum Mode {
    /** Published to the requests topic and answered by workers. */
    KAFKA,
    /** Run in the gateway's own process, for comparison. */
    DIRECT
  }

  public GatewayConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank, e.g. 127.0.0.1 or 0.0.0.0");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode is required: KAFKA or DIRECT");
    }
    if (requestTimeout == null || requestTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("requestTimeout must be at least 1 ms");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    if (maxBodyBytes < 256) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 256, got " + maxBodyBytes);
    }
    if (connections == null) {
      throw new IllegalArgumentException("connections limits are required");
    }
    if (rideParts == null) {
      throw new IllegalArgumentException("rideParts is required: APART or TOGETHER");
    }
  }

  /**
   * Over Kafka on 127.0.0.1:8080, 5 s timeout, 1,024 requests in flight, 16 KiB bodies, a ride's
   * parts apart.
   */
  public static GatewayConfig defaults() {
    return new GatewayConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        Mode.KAFKA,
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_IN_FLIGHT,
        DEFAULT_MAX_BODY_BYTES,
        ConnectionLimits.defaults(),
        RideParts.APART);
  }

  /** The defaults overridden by {@code TAXISCALE_HTTP_*} and {@code TAXISCALE_GATEWAY_*}. */
  public static GatewayConfig fromEnvironment(Map<String, String> env) {
    GatewayConfig d = defaults();
    return new GatewayConfig(
        Env.stringOf(env, ENV_HOST, d.host()),
        Env.intOf(env, ENV_PORT, d.port()),
        Env.choiceOf(Mode.class, Env.stringOf(env, ENV_MODE, d.mode().name()), ENV_MODE),
        Env.millisOf(env, ENV_TIMEOUT, d.requestTimeout()),
        Env.intOf(env, ENV_MAX_IN_FLIGHT, d.maxInFlight()),
        Env.intOf(env, ENV_MAX_BODY, d.maxBodyBytes()),
        ConnectionLimits.fromEnvironment(env),
        Env.choiceOf(
            RideParts.class,
            Env.stringOf(env, ENV_RIDE_PARTS, d.rideParts().name()),
            ENV_RIDE_PARTS));
  }

  public GatewayConfig withPort(int newPort) {
    return new GatewayConfig(
        host, newPort, mode, requestTimeout, maxInFlight, maxBodyBytes, connections, rideParts);
  }

  public GatewayConfig withMode(Mode newMode) {
    return new GatewayConfig(
        host, port, newMode, requestTimeout, maxInFlight, maxBodyBytes, connections, rideParts);
  }

  public GatewayConfig withRequestTimeout(Duration timeout) {
    return new GatewayConfig(
        host, port, mode, timeout, maxInFlight, maxBodyBytes, connections, rideParts);
  }

  public GatewayConfig withMaxInFlight(int max) {
    return new GatewayConfig(
        host, port, mode, requestTimeout, max, maxBodyBytes, connections, rideParts);
  }

  public GatewayConfig withConnections(ConnectionLimits limits) {
    return new GatewayConfig(
        host, port, mode, requestTimeout, maxInFlight, maxBodyBytes, limits, rideParts);
  }

  public GatewayConfig withRideParts(RideParts parts) {
    return new GatewayConfig(
        host, port, mode, requestTimeout, maxInFlight, maxBodyBytes, connections, parts);
  }
}
