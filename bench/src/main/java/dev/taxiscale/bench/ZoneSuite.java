package dev.taxiscale.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import dev.taxiscale.ingest.zones.ZoneLoader;
import dev.taxiscale.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taxiscale bench --suite zones}: the zone queries on zone-based trips against their speed
 * goals (see {@link ZoneGoals}). Generates the trips in the TLC's zone Parquet layouts, loads the
 * taxi zones and the files with the local engine (reused on later runs), then asks city-wide
 * 24-hour zone heatmaps and zone-to-zone estimates one at a time, type by type, through the JDBC
 * floor, the query engine, the direct gateway and the gateway over Kafka. Run from the repository
 * root; the first run at 10M rows generates and loads for 15-30 minutes on two cores, later runs
 * take a few:
 *
 * <pre>
 * ./taxiscale bench --suite zones --rows 10000000
 * </pre>
 *
 * <p>The zones come from {@code ../shared/data/taxi-zones/taxi_zones.shp} when present, else from
 * the TLC's URL; offline, download {@value ZoneLoader#TLC_SHAPES_URL} and pass it with {@code
 * --zones}.
 */
@Command(
    name = "zones",
    mixinStandardHelpOptions = true,
    description = "Measure the zone heatmap and zone-to-zone estimate on zone-based trips.")
public final class ZoneSuite implements Callable<Integer> {
  private static final Path SHARED_ZONES = Path.of("..", "shared", "data", "taxi-zones");

  @Option(names = "--rows", description = "zone-based trips to load (default ${DEFAULT-VALUE})")
  long rows = BenchOptions.DEFAULT_ROWS;

  @Option(names = "--seed", description = "data and request seed (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--requests", description = "distinct requests per type (default 100)")
  int requests = BenchOptions.DEFAULT_REQUESTS;

  @Option(names = "--rounds", description = "passes per path and type (default ${DEFAULT-VALUE})")
  int rounds = 3;

  @Option(
      names = "--warm-up",
      description = "seconds each path answers unmeasured first, 0 for one pass (default 0)")
  int warmUpSeconds;

  @Option(
      names = "--kafka-workers",
      description = "Kafka workers behind the gateway, 0 skips Kafka (default ${DEFAULT-VALUE})")
  int workers = 1;

  @Option(
      names = "--zones",
      paramLabel = "FILE_OR_URL",
      description =
          "taxi zone shapes (default ../shared/data/taxi-zones/taxi_zones.shp when present, else"
              + " the TLC's taxi_zones.zip)")
  String zones = defaultZones();

  @Option(names = "--data-dir", description = "PostgreSQL data, reused across runs")
  Path dataDir = Path.of("bench", "target", "bench-zones-db");

  @Option(names = "--report-dir", description = "where report.md and report.html go")
  Path reportDir = Path.of("bench", "target", "zones-report");

  /** Runs the suite; a bad option or a failed load is one line and exit code 2. */
  public static int execute(String[] args) {
    return OneLineCli.execute("bench", new ZoneSuite(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (rows < 1_000 || requests < 1 || rounds < 1 || workers < 0 || warmUpSeconds < 0) {
      throw new IllegalArgumentException(
          "--rows must be at least 1000, --requests and --rounds at least 1, --kafka-workers and"
              + " --warm-up not negative");
    }
    long start = System.nanoTime();
    Files.createDirectories(reportDir);
    Machine machine = Machine.current();
    try (BenchServer server = BenchServer.start(dataDir, "1GB");
        HikariDataSource pool = BenchCommand.pool(server.jdbcUrl(), 4)) {
      Database.migrate(pool);
      ZoneBenchData.Load load =
          new ZoneBenchData(pool).ensure(rows, seed, zones, dataDir.resolveSibling("zone-scratch"));
      System.out.println(load.describe());
      // The server commits asynchronously: VACUUM may mark a page all-visible only once the
      // commits of its rows are flushed, and an ANALYZE commit just before leaves the latest ones
      // unflushed. Pages it skips cost the heatmap's index-only scan a table visit per row, so
      // flush first and analyze after.
      BenchData.execute(pool, "CHECKPOINT");
      BenchData.execute(pool, "VACUUM trips, zone_hours");
      BenchData.execute(pool, "ANALYZE trips, zone_hours");
      BenchData.prewarm(pool, List.of("zone_hours"), List.of("trips_zone_pair_idx"));
      DataBounds bounds = DataBounds.of(pool);
      Map<String, List<QueryRequest>> byType = new LinkedHashMap<>();
      byType.put(ZoneHeatmapRequest.TYPE, ZoneRequests.heatmaps(bounds, seed, requests));
      byType.put(ZoneFareRequest.TYPE, ZoneRequests.fares(pool, bounds, seed, requests));
      ZoneMeasurement measured =
          new ZoneMeasurement(rounds, warmUpSeconds).run(pool, server.jdbcUrl(), byType, workers);
      List<String> notes = new ArrayList<>(List.of(load.describe()));
      notes.addAll(measured.notes());
      List<String> goals = ZoneGoals.check(measured.summaries());
      notes.addAll(goals);
      BenchReport report =
          new BenchReport(
              machine,
              bounds,
              byType.values().stream().mapToInt(List::size).sum(),
              seed,
              measured.summaries(),
              notes,
              (System.nanoTime() - start) / 1e9);
      ReportFiles.write(report, reportDir);
      System.out.print(MarkdownReport.render(report));
      System.out.println("report: " + reportDir.resolve(ReportFiles.HTML).toAbsolutePath());
      return report.errors() == 0 && ZoneGoals.allMet(goals) ? 0 : 1;
    }
  }

  private static String defaultZones() {
    Path shapes = SHARED_ZONES.resolve("taxi_zones.shp");
    return Files.isRegularFile(shapes) ? shapes.toString() : ZoneLoader.TLC_SHAPES_URL;
  }
}
