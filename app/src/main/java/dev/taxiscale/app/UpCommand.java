package dev.taxiscale.app;

import dev.taxiscale.gateway.Gateway;
import dev.taxiscale.gateway.GatewayConfig;
import dev.taxiscale.gateway.RideParts;
import dev.taxiscale.gateway.WebApp;
import dev.taxiscale.gateway.ZonesEndpoint;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.pipeline.Env;
import dev.taxiscale.pipeline.warmup.WarmUp;
import dev.taxiscale.store.TaxiZones;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale up}: everything on one machine. PostgreSQL (embedded unless configured), sample
 * data on first start, the Kafka broker (embedded unless configured), query workers and the gateway
 * with the web app; runs until Ctrl-C.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start everything on embedded defaults with sample data and print the URL.")
final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--sample-trips",
      defaultValue = "${env:TAXISCALE_SAMPLE_TRIPS:-1000000}",
      description =
          "Trips to generate and load on first start, 0 for none (default ${DEFAULT-VALUE})")
  long sampleTrips;

  @Option(
      names = "--workers",
      defaultValue = "${env:TAXISCALE_WORKERS:-2}",
      description = "Query workers to run in this process (default ${DEFAULT-VALUE})")
  int workers;

  @Option(
      names = "--ride-parts",
      defaultValue = "${env:TAXISCALE_GATEWAY_RIDE_PARTS:-together}",
      description =
          "Where a ride request's parts run: together, on one worker's threads (its workers share"
              + " this process's cores), or apart, a worker each (default ${DEFAULT-VALUE})")
  String rideParts;

  @Option(
      names = "--http-port",
      defaultValue = "${env:TAXISCALE_HTTP_PORT:-8080}",
      description = "Gateway HTTP port on 127.0.0.1 (default ${DEFAULT-VALUE})")
  int httpPort;

  @Option(
      names = "--warm-up",
      defaultValue = "${env:TAXISCALE_WARM_UP:-" + WarmUp.DEFAULT_PER_TYPE + "}",
      description =
          "Synthetic requests of each type sent through the whole path before the URL is printed,"
              + " 0 for none; never longer than 90 s (default ${DEFAULT-VALUE})")
  int warmUpPerType;

  @Option(
      names = "--exit-when-ready",
      description =
          "Stop again as soon as everything is up and warm: the training run of an AOT cache"
              + " (./taxiscale aot-train)")
  boolean exitWhenReady;

  @Mixin DatabaseOptions database;
  @Mixin KafkaOptions kafka;

  @Override
  public Integer call() throws Exception {
    if (workers < 0) {
      throw new IllegalArgumentException("--workers must be >= 0, got " + workers);
    }
    if (warmUpPerType < 0) {
      throw new IllegalArgumentException("--warm-up must be >= 0, got " + warmUpPerType);
    }
    RideParts parts = Env.choiceOf(RideParts.class, rideParts, "--ride-parts");
    DatabaseHandle db = DatabaseHandle.open(database);
    Services services = new Services();
    try {
      start(db, services, parts);
    } catch (Exception | Error e) {
      Shutdown.closeAll(services, db);
      throw e;
    }
    if (exitWhenReady) {
      Shutdown.closeAll(services, db);
      return 0;
    }
    db.closedInOrderAtExit();
    Shutdown.awaitThenClose(services, db);
    return 0;
  }

  private void start(DatabaseHandle db, Services services, RideParts parts) throws Exception {
    long started = System.nanoTime();
    System.out.println("PostgreSQL: " + db.config().jdbcUrl());
    loadSample(db);
    String bootstrap = services.broker(kafka.broker(database.dataDir));
    services.topics(bootstrap, kafka.topics());
    System.out.println("Kafka: " + bootstrap);
    for (int i = 1; i <= workers; i++) {
      services.worker(bootstrap, db.config(), i);
    }
    GatewayConfig config =
        GatewayConfig.fromEnvironment(System.getenv())
            .withMode(GatewayConfig.Mode.KAFKA)
            .withPort(httpPort)
            .withRideParts(parts);
    Gateway gateway =
        services.gatewayOverKafka(
            config,
            bootstrap,
            WarmUp.Plan.perType(warmUpPerType),
            WebApp.with(ZonesEndpoint.from(new TaxiZones(db.dataSource())::load)));
    System.out.printf(
        "taxiscale is up with %d workers in %.1f s: http://127.0.0.1:%d/%s%n",
        workers,
        (System.nanoTime() - started) / 1e9,
        gateway.port(),
        exitWhenReady ? ", stopping again" : " (Ctrl-C to stop)");
  }

  private void loadSample(DatabaseHandle db) throws Exception {
    if (sampleTrips <= 0) {
      return;
    }
    List<Path> files = SampleData.ensure(database.dataDir.resolve("sample"), sampleTrips);
    IngestOptions options =
        IngestOptions.defaults()
            .withCacheDir(database.dataDir.resolve("downloads"))
            .withRejectsDir(database.dataDir.resolve("rejects"));
    IngestReport report =
        new LocalEngine(db.dataSource(), options, ProgressSink.printingTo(System.err))
            .ingest(files.stream().map(Path::toString).toList());
    System.out.printf(
        "sample data: %,d trips kept, %,d rejected%n", report.kept(), report.rejected());
  }
}
