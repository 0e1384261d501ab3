package dev.taxiscale.app;

import dev.taxiscale.ingest.DownloadLimits;
import dev.taxiscale.ingest.zones.ZoneLoad;
import dev.taxiscale.ingest.zones.ZoneLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taxiscale zones}: the TLC taxi zones that zone-based trips and the offline map need. */
@Command(
    name = "zones",
    mixinStandardHelpOptions = true,
    description = "Manage the TLC taxi zones.",
    subcommands = {ZonesCommand.Load.class})
final class ZonesCommand implements Runnable {
  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  /** {@code taxiscale zones load [FILE_OR_URL]}. */
  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description =
          "Load the taxi zones from the TLC zone shapefile (taxi_zones.zip or .shp with .dbf and"
              + " .prj, NY State Plane feet) or the NYC Open Data GeoJSON, with"
              + " taxi_zone_lookup.csv; replaces the zones loaded before.")
  static final class Load implements Callable<Integer> {
    @Parameters(
        arity = "0..1",
        paramLabel = "FILE_OR_URL",
        description = "Zone shapes (default: " + ZoneLoader.TLC_SHAPES_URL + ")")
    String shapes;

    @Option(
        names = "--lookup",
        paramLabel = "FILE_OR_URL",
        description =
            "taxi_zone_lookup.csv (default: beside FILE, or in its parent folder, else "
                + ZoneLoader.TLC_LOOKUP_URL
                + ")")
    String lookup;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
      try (DatabaseHandle db = DatabaseHandle.open(database)) {
        ZoneLoad load =
            new ZoneLoader(
                    db.dataSource(),
                    database.dataDir.resolve("downloads"),
                    DownloadLimits.fromEnvironment(System.getenv()))
                .load(shapes, lookup);
        System.out.println(load.summary());
        return 0;
      }
    }
  }
}
