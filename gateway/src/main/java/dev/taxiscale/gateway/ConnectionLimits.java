package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.Env;
import java.time.Duration;
import java.util.Map;

/**
 * How long and how many connections one client may hold, so that slow or hostile clients cannot
 * starve the others.
 *
 * @param readTimeout how long a connection may keep sending bytes without completing a request's
 *     headers and body; slower connections are closed (slowloris, dribbled bodies)
 * @param idleTimeout how long a connection may stay silent before it is closed
 * @param perAddress connections open at once from one client address; more are closed at once
 */
public record ConnectionLimits(Duration readTimeout, Duration idleTimeout, int perAddress) {
  public static final String ENV_READ_TIMEOUT = "TAXISCALE_GATEWAY_READ_TIMEOUT_MS";
  public static final String ENV_IDLE_TIMEOUT = "TAXISCALE_GATEWAY_IDLE_TIMEOUT_MS";
  public static final String ENV_PER_ADDRESS = "TAXISCALE_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS";

  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_PER_ADDRESS = 256;

  public ConnectionLimits {
    if (readTimeout == null || readTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("readTimeout must be at least 100 ms");
    }
    if (idleTimeout == null || idleTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("idleTimeout must be at least 100 ms");
    }
    if (perAddress < 1) {
      throw new IllegalArgumentException(
          "connections per address must be at least 1, got " + perAddress);
    }
  }

  /** 10 s to send a request, 30 s of silence, 256 connections per client address. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_PER_ADDRESS);
  }

  /** The defaults overridden by the {@code TAXISCALE_GATEWAY_*} variables above. */
  public static ConnectionLimits fromEnvironment(Map<String, String> env) {
    ConnectionLimits d = defaults();
    return new ConnectionLimits(
        Env.millisOf(env, ENV_READ_TIMEOUT, d.readTimeout()),
        Env.millisOf(env, ENV_IDLE_TIMEOUT, d.idleTimeout()),
        Env.intOf(env, ENV_PER_ADDRESS, d.perAddress()));
  }
}
