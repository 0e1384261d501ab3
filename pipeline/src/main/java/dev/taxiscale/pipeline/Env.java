package dev.taxiscale.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed settings from environment variables (and, for choices, command-line values), naming
 * the setting when one is malformed.
 */
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

  /**
   * The constant of {@code type} that {@code text} names, in any case; {@code setting} (a variable
   * or an option) names it in the one-line error, which lists the choices.
   */
  public static <E extends Enum<E>> E choiceOf(Class<E> type, String text, String setting) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .toList();
      String last = names.get(names.size() - 1);
      String choices =
          names.size() == 1
              ? last
              : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
      throw new IllegalArgumentException(
          setting + " must be " + choices + ", got '" + text + "'", e);
    }
  }
}
