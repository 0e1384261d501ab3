package dev.taxiscale.app;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GenerationReport;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code taxiscale generate}: deterministic synthetic trips in an original file format. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write deterministic synthetic trips in an original CSV or Parquet format.")
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--format",
      defaultValue = "yellow-2014",
      converter = FormatConverter.class,
      description = "yellow-2014, green-2014, uber-2014 or yellow-2015 (default ${DEFAULT-VALUE})")
  TripFormat format;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Data rows (default ${DEFAULT-VALUE})")
  long rows;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--start", description = "First pickup day, e.g. 2014-04-01 (default per format)")
  LocalDate start;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Days of pickups (default ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--dirty",
      defaultValue = "0.05",
      description = "Share of rows that break one cleaning rule (default ${DEFAULT-VALUE})")
  double dirty;

  @Option(names = "--gzip", description = "Gzip the output")
  boolean gzip;

  @Option(
      names = "--parquet",
      description =
          "Write the trips in this TLC Parquet layout instead: yellow-2009, yellow-2010 (with"
              + " coordinates), or yellow-zones, green-zones, fhvhv-zones, fhv-zones (with zone"
              + " ids; needs --zones)")
  String parquet;

  @Option(
      names = "--zones",
      description = "Taxi zone shapes (taxi_zones.zip, .shp or .geojson) for the zone layouts")
  Path zones;

  @Option(
      names = "--codec",
      defaultValue = "zstd",
      description = "Parquet compression: zstd or snappy (default ${DEFAULT-VALUE})")
  String codec;

  @Option(
      names = {"-o", "--output"},
      required = true,
      description = "Output file")
  Path output;

  @Override
  public Integer call() throws Exception {
    GeneratorConfig defaults = GeneratorConfig.of(format, rows);
    GeneratorConfig config =
        new GeneratorConfig(
            format, rows, seed, start == null ? defaults.startDate() : start, days, dirty, gzip);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    long began = System.nanoTime();
    GenerationReport report =
        parquet == null
            ? TripGenerator.write(config, output)
            : ParquetOutput.write(config, parquet, codec, zones, output);
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "wrote %,d %s rows (%,d dirty) to %s in %.1f s (%,.0f rows/s)%n",
        report.rows(),
        parquet == null ? FormatConverter.flagName(format) : parquet + " Parquet",
        report.dirty(),
        output,
        seconds,
        report.rows() / Math.max(seconds, 1e-9));
    return 0;
  }
}
