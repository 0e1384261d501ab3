package dev.taxiscale.core.trip;

import java.util.Arrays;
import java.util.Locale;

/** Which fleet a trip came from; the lowercase name is what SQL, JSON and the CLI use. */
public enum Source {
  YELLOW,
  GREEN,
  /** For-hire vehicles such as Uber: pickups only, no drop-off, fare or distance. */
  FHV;

  // computed once: every stored trip writes its code (seen in ingest profiles)
  private final String code = name().toLowerCase(Locale.ROOT);

  /** The name used in the database, the wire format and flags. */
  public String code() {
    return code;
  }

  /** Parses a code such as {@code yellow}; the message lists the allowed codes. */
  public static Source fromCode(String code) {
    for (Source source : values()) {
      if (source.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
        return source;
      }
    }
    throw new IllegalArgumentException(
        "unknown source '" + code + "', allowed: " + Arrays.toString(codes()));
  }

  static String[] codes() {
    return Arrays.stream(values()).map(Source::code).toArray(String[]::new);
  }
}
