package dev.taxiscale.gateway;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.function.Consumer;

/**
 * The web app: the map page at {@code /} with its scripts and styles from the classpath folder
 * {@value #RESOURCES}, and Leaflet from its WebJar under {@code /webjars/}. Pass {@link #register}
 * to {@link Gateway} or {@link GatewayApp#create} as the extension.
 */
public final class WebApp {
  /** Where the page's files live on the classpath. */
  public static final String RESOURCES = "/web";

  private WebApp() {}

  /** The web app plus more routes for it, such as {@link ZonesEndpoint}'s base map. */
  public static Consumer<JavalinConfig> with(Consumer<JavalinConfig> more) {
    return config -> {
      register(config);
      more.accept(config);
    };
  }

  /** Adds the page's static files and the WebJars to a gateway's Javalin configuration. */
  public static void register(JavalinConfig config) {
    config.staticFiles.add(RESOURCES, Location.CLASSPATH);
    config.staticFiles.enableWebjars();
  }
}
