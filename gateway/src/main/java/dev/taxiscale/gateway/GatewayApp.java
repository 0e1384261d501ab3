package dev.taxiscale.gateway;

import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.ride.RideRequest;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API, built but not started: every route in one block, every exception mapped to a
 * problem answer in one place. Paths outside {@value #API} and the operations endpoints are left
 * free for the web app's static files.
 */
public final class GatewayApp {
  private static final Logger log = LoggerFactory.getLogger(GatewayApp.class);
  public static final String API = "/api/v1";
  static final String TYPES = QueryType.listed(", ");
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private GatewayApp() {}

  /** The API alone. */
  public static Javalin create(
      GatewayConfig config, QueryBackend backend, PrometheusMeterRegistry registry) {
    return create(config, backend, registry, javalin -> {});
  }

  /** The API plus whatever {@code extensions} add, such as static files for the web app. */
  public static Javalin create(
      GatewayConfig config,
      QueryBackend backend,
      PrometheusMeterRegistry registry,
      Consumer<JavalinConfig> extensions) {
    Admission admission = new Admission(config);
    GatewayMetrics metrics = new GatewayMetrics(registry, admission);
    QueryEndpoint queries = new QueryEndpoint(config, backend, metrics);
    RideRequestEndpoint rides = new RideRequestEndpoint(config, backend, metrics);
    byte[] openApi = OpenApi.document();
    return Javalin.create(
        javalin -> {
          javalin.http.maxRequestSize = config.maxBodyBytes() * 4L;
          javalin.startup.showJavalinBanner = false;
          // inserted before the guard's body reader, so it runs after it: a refusal costs no
          // handler and no JSON parse, and a client dribbling its body holds no place meanwhile
          javalin.jetty.modifyServer(server -> server.insertHandler(admission));
          SlowClientGuard.install(javalin, config, javalin.http.maxRequestSize);
          // inserted last, so it runs first: when every place is taken, a request is turned away
          // before its body is read
          javalin.jetty.modifyServer(server -> server.insertHandler(admission.early()));
          javalin.routes.before(new BrowserGuard(config)::check);
          for (QueryType type : QueryType.values()) {
            String name = type.wireName();
            javalin.routes.post(API + "/" + name, ctx -> queries.handle(ctx, name));
          }
          javalin.routes.post(API + "/query", ctx -> queries.handle(ctx, null));
          javalin.routes.post(API + "/" + RideRequest.TYPE, rides::handle);
          javalin.routes.post(
              API + "/{type}",
              ctx -> {
                throw RequestReader.unknownType(ctx.pathParam("type"), TYPES);
              });
          javalin.routes.get(
              API + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
          javalin.routes.get("/health", ctx -> ctx.json(new Status("up", backend.name())));
          javalin.routes.get("/ready", ctx -> ready(ctx, backend));
          javalin.routes.get("/workers", ctx -> ctx.json(WorkerGroupStatus.of(backend)));
          javalin.routes.get(
              "/metrics", ctx -> ctx.contentType(PROMETHEUS).result(registry.scrape()));
          javalin.routes.exception(ValidationException.class, (e, ctx) -> invalid(ctx, e));
          javalin.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
          javalin.routes.exception(Exception.class, GatewayApp::unexpected);
          javalin.routes.error(404, ctx -> notFound(ctx));
          extensions.accept(javalin);
        });
  }

  /** The body of {@code /health} and {@code /ready}. */
  record Status(String status, String mode) {}

  private static void ready(Context ctx, QueryBackend backend) {
    if (backend.ready()) {
      ctx.json(new Status("ready", backend.name()));
    } else {
      problem(ctx, Problem.unavailable(backend.name() + " backend is not ready"));
    }
  }

  private static void invalid(Context ctx, ValidationException e) {
    problem(ctx, Problem.invalid(e.field(), e.reason()));
  }

  private static void problem(Context ctx, Problem problem) {
    QueryEndpoint.respond(ctx, Reply.of(problem));
  }

  private static void notFound(Context ctx) {
    if (ctx.path().startsWith(API)) {
      problem(
          ctx,
          Problem.notFound(
              "nothing at "
                  + ctx.method()
                  + " "
                  + ctx.path()
                  + "; queries are POST "
                  + API
                  + "/{"
                  + QueryType.listed(",")
                  + ",query}"));
    }
  }

  private static void unexpected(Exception e, Context ctx) {
    log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
    problem(ctx, Problem.internal("the gateway failed to answer"));
  }
}
