package dev.taxiscale.pipeline;

import java.time.Duration;
import java.util.Map;

/** Reads typed settings from environment variables, naming the variable when one is malformed. */
public final class Env {
  private Env() {}

  /** The integer value of {@code name}, or {@code fallback} when it is unset or blank. */
  public static int intOf(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'", e);
    }
  }

  /** A duration given in milliseconds, or {@code fallback} when unset or blank. */
  public static Duration millisOf(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return Duration.ofMillis(intOf(env, name, 0));
  }

  /** The value of {@code name}, or {@code fallback} when it is unset or blank. */
  public static String stringOf(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
