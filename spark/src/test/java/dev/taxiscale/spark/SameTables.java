package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.ingest.FileReport;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Loads one file with the local engine, then into emptied tables with the Spark engine, and checks
 * both left the same report, trips (ids, places, zones) and hourly sums.
 */
final class SameTables {
  private SameTables() {}

  static void assertSparkStoresWhatLocalStores(
      MigratedPostgres postgres, SparkSession spark, IngestOptions options, Path file)
      throws Exception {
    postgres.truncateAll();
    FileReport local =
        single(
            new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
                .ingest(List.of(file.toString()))
                .files());
    String localTrips = postgres.queryString(TableDigests.TRIPS);
    String localHours = postgres.queryString(TableDigests.HOURS);
    postgres.truncateAll();

    FileReport viaSpark =
        single(
            new SparkEngine(spark, postgres.dataSource(), postgres.config(), options, null)
                .ingest(List.of(file.toString()))
                .files());

    // some of each, so that a rule both engines get wrong the same way still shows
    assertThat(local.rejected()).isPositive().isLessThan(local.kept());
    assertThat(viaSpark)
        .usingRecursiveComparison()
        .ignoringFields("elapsedMillis")
        .isEqualTo(local);
    assertThat(postgres.queryString(TableDigests.TRIPS)).isEqualTo(localTrips);
    assertThat(postgres.queryString(TableDigests.HOURS)).isEqualTo(localHours);
  }

  private static FileReport single(List<FileReport> files) {
    assertThat(files).hasSize(1);
    return files.get(0);
  }
}
