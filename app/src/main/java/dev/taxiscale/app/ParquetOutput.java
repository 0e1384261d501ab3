package dev.taxiscale.app;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.generate.GenerationReport;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.zone.ZoneMap;
import dev.taxiscale.ingest.ParquetTripSchema;
import dev.taxiscale.ingest.ParquetTripWriter;
import dev.taxiscale.ingest.zones.ZoneLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code generate --parquet}: the generated CSV trips copied into a TLC Parquet layout, so both
 * formats can carry the same trips. The zone layouts need the zones (a shapefile or GeoJSON) to
 * turn each end's coordinates into its zone id.
 */
final class ParquetOutput {
  private ParquetOutput() {}

  static GenerationReport write(
      GeneratorConfig config, String layoutFlag, String codec, Path zones, Path output)
      throws Exception {
    ParquetLayout layout = layout(layoutFlag);
    if (layout.zoneBased() && zones == null) {
      throw new TypeConversionException(
          "--parquet " + layoutFlag + " needs --zones taxi_zones.zip (or .shp, .geojson)");
    }
    ZoneMap zoneMap = layout.zoneBased() ? ZoneLoader.shapesOnly(zones) : null;
    if (config.gzip()) {
      throw new TypeConversionException("--gzip is for CSV output; Parquet compresses its pages");
    }
    Path csv = Files.createTempFile(output.toAbsolutePath().getParent(), ".generate", ".csv");
    try {
      GenerationReport report = TripGenerator.write(config, csv);
      ParquetTripSchema.Options published = ParquetTripSchema.Options.published();
      new ParquetTripWriter(
              layout,
              new ParquetTripSchema.Options(
                  codec(codec),
                  published.rowGroupBytes(),
                  published.timestampsAsText(),
                  published.codesAsDouble()),
              zoneMap)
          .convert(csv, output);
      return report;
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static ParquetLayout layout(String flag) {
    for (ParquetLayout layout : ParquetLayout.values()) {
      String name = layout.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (name.equalsIgnoreCase(flag.trim())) {
        return layout;
      }
    }
    throw new TypeConversionException(
        "unknown --parquet layout '"
            + flag
            + "', allowed: yellow-2009, yellow-2010, yellow-zones, green-zones, fhvhv-zones,"
            + " fhv-zones");
  }

  private static CompressionCodecName codec(String flag) {
    return switch (flag.trim().toLowerCase(Locale.ROOT)) {
      case "zstd" -> CompressionCodecName.ZSTD;
      case "snappy" -> CompressionCodecName.SNAPPY;
      default ->
          throw new TypeConversionException(
              "unknown --codec '" + flag + "', allowed: zstd, snappy");
    };
  }
}
