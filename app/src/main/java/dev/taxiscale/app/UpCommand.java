package dev.taxiscale.app;

import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale up}: everything on one machine. Starts the embedded PostgreSQL (or uses the
 * external one), loads the sample data on first start, then runs until Ctrl-C.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start everything on embedded defaults with sample data and print the URL.")
final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--sample-trips",
      defaultValue = "${env:TAXISCALE_SAMPLE_TRIPS:-1000000}",
      description = "Trips to generate and load on first start, 0 for none (default ${DEFAULT-VALUE})")
  long sampleTrips;

  @Mixin DatabaseOptions database;

  @Override
  public Integer call() throws Exception {
    try (DatabaseHandle db = DatabaseHandle.open(database)) {
      System.out.println("PostgreSQL: " + db.config().jdbcUrl() + " (user " + db.config().user() + ")");
      loadSample(db);
      awaitShutdown();
    }
    return 0;
  }

  private void loadSample(DatabaseHandle db) throws Exception {
    if (sampleTrips <= 0) {
      return;
    }
    List<Path> files = SampleData.ensure(database.dataDir.resolve("sample"), sampleTrips);
    IngestOptions options =
        IngestOptions.defaults().withRejectsDir(database.dataDir.resolve("rejects"));
    IngestReport report =
        new LocalEngine(db.dataSource(), options, ProgressSink.printingTo(System.err))
            .ingest(files.stream().map(Path::toString).toList());
    System.out.printf(
        "sample data: %,d trips kept, %,d rejected%n", report.kept(), report.rejected());
  }

  private static void awaitShutdown() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "taxiscale-stop"));
    System.out.println("taxiscale is up; press Ctrl-C to stop");
    stop.await();
  }
}
