package dev.taxiscale.gateway;

import dev.taxiscale.pipeline.Problem;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Protects browsers that talk to the gateway: every answer says not to sniff types or be framed and
 * limits what the web app may load; a gateway bound to loopback answers only requests whose {@code
 * Host} is a loopback name, so a web page cannot reach it by rebinding its own DNS name to
 * 127.0.0.1.
 */
final class BrowserGuard {
  /** The web app loads its own files and OpenStreetMap tiles, nothing else. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org;"
          + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'";

  /** What every answer carries, including those turned away before any handler ran. */
  static final Map<String, String> HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Content-Security-Policy", CONTENT_SECURITY_POLICY);

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final boolean loopbackOnly;

  BrowserGuard(GatewayConfig config) {
    this.loopbackOnly = isLoopback(config.host());
  }

  /** Runs before every handler. */
  void check(Context ctx) {
    HEADERS.forEach(ctx::header);
    if (loopbackOnly && !isLoopback(hostName(ctx.header("Host")))) {
      throw new ProblemException(
          Problem.invalid(
              "Host",
              "this gateway listens on loopback and answers only Host localhost, 127.0.0.1"
                  + " or [::1]"));
    }
  }

  private static String hostName(String host) {
    if (host == null) {
      return "";
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static boolean isLoopback(String host) {
    return LOOPBACK_NAMES.contains(host) || host.startsWith("127.") || host.equals("::1");
  }
}
