package dev.taxiscale.gateway;

import dev.taxiscale.core.zone.ZoneMap;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code GET /api/v1/zones}: the loaded taxi zones as GeoJSON ({@link ZoneLayer}), which the web
 * app draws as its base map when tiles cannot load. Built once from the database and kept; while no
 * zones are loaded it answers an empty collection whose notice says how to load them, and asks the
 * database again next time.
 */
public final class ZonesEndpoint {
  /** The route. */
  public static final String PATH = GatewayApp.API + "/zones";

  static final String MEDIA_TYPE = "application/geo+json";

  /** No features, and a notice saying how to get some: the map keeps its grid meanwhile. */
  private static final String NONE_LOADED =
      "{\"type\":\"FeatureCollection\",\"features\":[],\"notices\":[\"no taxi zones are loaded:"
          + " run 'taxiscale zones load'\"]}";

  private final Callable<ZoneMap> zones;
  private final AtomicReference<byte[]> cached = new AtomicReference<>();

  private ZonesEndpoint(Callable<ZoneMap> zones) {
    this.zones = zones;
  }

  /**
   * A gateway extension that serves the zones {@code zones} loads, such as the database's; the
   * gateway itself holds no database code, so the caller says where they come from.
   */
  public static Consumer<JavalinConfig> from(Callable<ZoneMap> zones) {
    ZonesEndpoint endpoint = new ZonesEndpoint(zones);
    return javalin -> javalin.routes.get(PATH, endpoint::handle);
  }

  private void handle(Context ctx) throws Exception {
    byte[] body = cached.get();
    if (body == null) {
      ZoneMap loaded = zones.call();
      if (loaded.isEmpty()) {
        ctx.contentType(MEDIA_TYPE).result(NONE_LOADED);
        return;
      }
      body = ZoneLayer.geoJson(loaded);
      cached.compareAndSet(null, body);
    }
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(MEDIA_TYPE).result(body);
  }
}
