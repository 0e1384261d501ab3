package dev.taxiscale.bench;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.DownloadLimits;
import dev.taxiscale.ingest.IngestBenchmark;
import dev.taxiscale.ingest.IngestOptions;
import dev.taxiscale.ingest.IngestReport;
import dev.taxiscale.ingest.LocalEngine;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.ProgressSink;
import dev.taxiscale.ingest.zones.ZoneLoader;
import dev.taxiscale.store.TaxiZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Fills the trips table with generated zone-based trips, as the TLC publishes them today: the
 * generator's Yellow 2015 trips written in the Parquet layouts of yellow (2011 on), green, FHVHV
 * and FHV files, each end turned into its taxi zone, then loaded by the local engine like any
 * downloaded file. A table already holding the requested rows from these files is reused.
 */
final class ZoneBenchData {

  /** The layouts, each with its share of the rows and the name the TLC gives its files. */
  private record Part(ParquetLayout layout, double share, String name) {}

  private static final List<Part> PARTS =
      List.of(
          new Part(ParquetLayout.YELLOW_ZONES, 0.7, "yellow_tripdata_2015-01.parquet"),
          new Part(ParquetLayout.GREEN_ZONES, 0.1, "green_tripdata_2015-01.parquet"),
          new Part(ParquetLayout.FHVHV_ZONES, 0.1, "fhvhv_tripdata_2015-01.parquet"),
          new Part(ParquetLayout.FHV_ZONES, 0.1, "fhv_tripdata_2015-01.parquet"));

  private static final String LOADED =
      "SELECT count(*), coalesce(sum(rows_in), 0) FROM ingest_files"
          + " WHERE status = 'done' AND name LIKE '%tripdata_2015-01.parquet'";

  /** What the load did: the rows read and kept, and how long it took; reused when seconds is 0. */
  record Load(long rowsIn, long kept, double seconds, String zones, Map<String, Long> rejects) {
    boolean reused() {
      return seconds == 0;
    }

    double rowsPerSecond() {
      return seconds == 0 ? 0 : rowsIn / seconds;
    }

    String describe() {
      if (reused()) {
        return String.format(
            Locale.ROOT, "reused %,d zone-based trips loaded before (zones: %s)", kept, zones);
      }
      return String.format(
          Locale.ROOT,
          "loaded %,d of %,d generated zone-based Parquet rows with the local engine in %.0f s:"
              + " %,.0f rows/s, indexes included; rejects %s (zones: %s)",
          kept,
          rowsIn,
          seconds,
          rowsPerSecond(),
          rejects,
          zones);
    }
  }

  private final DataSource dataSource;

  ZoneBenchData(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Loads the zones from {@code zones} and {@code rows} trips unless both are there already.
   *
   * @param zones the zone shapes (a path or URL) for {@link ZoneLoader}
   */
  Load ensure(long rows, long seed, String zones, Path scratchParent) throws Exception {
    long[] loaded = query(LOADED);
    int zoneCount = new TaxiZones(dataSource).count();
    if (zoneCount > 0 && loaded[0] == PARTS.size() && loaded[1] == rows) {
      return new Load(
          rows, query("SELECT count(*) FROM trips")[0], 0, zoneCount + " loaded before", Map.of());
    }
    execute("TRUNCATE trips, trip_hours, zone_hours, ingest_files RESTART IDENTITY");
    Files.createDirectories(scratchParent);
    Path scratch = Files.createTempDirectory(scratchParent, "zone-trips");
    try {
      String summary =
          new ZoneLoader(
                  dataSource,
                  scratch.resolve("downloads"),
                  DownloadLimits.fromEnvironment(System.getenv()))
              .load(zones, null)
              .summary();
      System.out.println(summary);
      List<String> files = generate(rows, seed, scratch, new TaxiZones(dataSource).load());
      IngestOptions options =
          IngestOptions.defaults()
              .withCacheDir(scratch.resolve("downloads"))
              .withProgressInterval(Duration.ofSeconds(10));
      long start = System.nanoTime();
      IngestReport report =
          new LocalEngine(dataSource, options, ProgressSink.printingTo(System.out)).ingest(files);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Load(
          report.rowsIn(),
          report.kept(),
          seconds,
          summary.replace("loaded ", ""),
          report.rejects());
    } finally {
      IngestBenchmark.deleteTree(scratch);
    }
  }

  /** One Parquet file per layout, each from its own seed so that the files hold different trips. */
  private static List<String> generate(long rows, long seed, Path dir, ZoneMap zones)
      throws Exception {
    List<String> files = new ArrayList<>();
    long left = rows;
    for (int i = 0; i < PARTS.size(); i++) {
      Part part = PARTS.get(i);
      long n = i == PARTS.size() - 1 ? left : Math.round(rows * part.share());
      left -= n;
      System.out.printf(
          Locale.ROOT, "generating %s: %,d rows, each end placed in its zone%n", part.name(), n);
      long start = System.nanoTime();
      Path csv = dir.resolve("source.csv");
      TripGenerator.write(
          GeneratorConfig.of(TripFormat.YELLOW_2015, n).withSeed(seed + i).withDirtyShare(0), csv);
      Path parquet = dir.resolve(part.name());
      new ParquetTripWriter(part.layout(), ParquetTripSchema.Options.published(), zones)
          .convert(csv, parquet);
      Files.delete(csv);
      System.out.printf(
          Locale.ROOT,
          "generated %s: %,d rows, %,d MB, in %.0f s%n",
          part.name(),
          n,
          Files.size(parquet) >> 20,
          (System.nanoTime() - start) / 1e9);
      files.add(parquet.toString());
    }
    return files;
  }

  private long[] query(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long[] values = new long[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rs.getLong(i + 1);
      }
      return values;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
