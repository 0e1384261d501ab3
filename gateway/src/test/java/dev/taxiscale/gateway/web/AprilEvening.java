package dev.taxiscale.gateway.web;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * The data the browser tests query: one day of synthetic yellow-cab trips on 2014-04-15, the day
 * the page's forms default to, always the same rows (fixed seed, no dirty rows).
 */
final class AprilEvening {
  static final LocalDate DAY = LocalDate.of(2014, 4, 15);
  static final long TRIPS = 20_000;
  private static final long SEED = 42;

  private AprilEvening() {}

  /** Writes the day's trip file into {@code dir} and loads it with the local ingest engine. */
  static void load(DataSource dataSource, Path dir) throws Exception {
    Path file = dir.resolve("yellow_tripdata_2014-04-15.csv");
    TripGenerator.write(
        new GeneratorConfig(TripFormat.YELLOW_2014, TRIPS, SEED, DAY, 1, 0.0, false), file);
    new LocalEngine(dataSource, IngestOptions.defaults(), ProgressSink.NONE)
        .ingest(List.of(file.toString()));
  }
}
