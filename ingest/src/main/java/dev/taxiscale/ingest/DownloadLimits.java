package dev.taxiscale.ingest;

import java.time.Duration;
import java.util.Map;

/**
 * How long and how large a URL download may be before it fails with a one-line error.
 *
 * @param connect time to open the connection and receive the response headers
 * @param read the longest silence while the body arrives
 * @param total time for the whole download
 * @param maxBytes the largest file accepted
 */
public record DownloadLimits(Duration connect, Duration read, Duration total, long maxBytes) {
  public static final String ENV_CONNECT = "TAXISCALE_DOWNLOAD_CONNECT_TIMEOUT_MS";
  public static final String ENV_READ = "TAXISCALE_DOWNLOAD_READ_TIMEOUT_MS";
  public static final String ENV_TOTAL = "TAXISCALE_DOWNLOAD_TOTAL_TIMEOUT_MS";
  public static final String ENV_MAX_BYTES = "TAXISCALE_DOWNLOAD_MAX_BYTES";

  public DownloadLimits {
    for (Duration d : new Duration[] {connect, read, total}) {
      if (d == null || d.toMillis() < 1) {
        throw new IllegalArgumentException("download timeouts must be at least 1 ms");
      }
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
    }
  }

  /** 20 s to connect, 60 s of silence, 2 h in all, 32 GiB. */
  public static DownloadLimits defaults() {
    return new DownloadLimits(
        Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofHours(2), 32L << 30);
  }

  /** The defaults overridden by the {@code TAXISCALE_DOWNLOAD_*} variables above. */
  public static DownloadLimits fromEnvironment(Map<String, String> env) {
    DownloadLimits d = defaults();
    return new DownloadLimits(
        millis(env, ENV_CONNECT, d.connect()),
        millis(env, ENV_READ, d.read()),
        millis(env, ENV_TOTAL, d.total()),
        number(env, ENV_MAX_BYTES, d.maxBytes()));
  }

  private static Duration millis(Map<String, String> env, String name, Duration fallback) {
    return Duration.ofMillis(number(env, name, fallback.toMillis()));
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }
}
