package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.generate.HighVolumeDraft;
import dev.taxiscale.core.zone.ZoneMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Copies a trip CSV file (a generated one, typically) into one of the TLC's Parquet layouts, so
 * tests and benchmarks can load the same trips from both formats.
 *
 * <p>Each CSV value is written typed, the way the TLC writes it; a value the CSV garbled on purpose
 * becomes a null, and a cut-off row keeps the values it has. For the zone layouts each end's
 * coordinates become the id of the zone that holds them, or 264 ("Unknown") where none does, as the
 * TLC records a meter without a usable location. The high-volume for-hire layout's own fields
 * (tips, driver pay, request time, flags), which no CSV format has, are drawn from each row's
 * number by {@link HighVolumeDraft}.
 */
public final class ParquetTripWriter {

  /** The TLC's zone id for a location it could not place. */
  static final String UNKNOWN_ZONE = "264";

  private final ParquetTripSchema schema;
  private final ParquetTripSchema.Options options;
  private final ZoneMap zones;
  private final boolean highVolume;
  private UnaryOperator<ExampleParquetWriter.Builder> tuning = UnaryOperator.identity();

  public ParquetTripWriter(ParquetLayout layout, ParquetTripSchema.Options options) {
    this(layout, options, null);
  }

  /**
   * @param zones the zones that turn coordinates into zone ids; required for the zone layouts
   */
  public ParquetTripWriter(ParquetLayout layout, ParquetTripSchema.Options options, ZoneMap zones) {
    if (layout.zoneBased() && (zones == null || zones.isEmpty())) {
      throw new IllegalArgumentException(layout + " needs the taxi zones to write zone ids");
    }
    this.schema = new ParquetTripSchema(layout, options);
    this.options = options;
    this.zones = layout.zoneBased() ? zones : null;
    this.highVolume = layout.highVolume();
  }

  /**
   * Writes with parquet-java's settings changed by {@code tuning} as well: other page versions and
   * encodings, such as other writers choose, for tests of the readers.
   */
  ParquetTripWriter tuned(UnaryOperator<ExampleParquetWriter.Builder> tuning) {
    this.tuning = tuning;
    return this;
  }

  /**
   * Writes {@code parquet} (replacing it) with every data row of {@code csv}.
   *
   * @return the rows written
   */
  public long convert(Path csv, Path parquet) throws IOException, UnknownFormatException {
    Files.deleteIfExists(parquet);
    MessageType type = schema.type();
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    long rows = 0;
    try (BufferedReader in = Files.newBufferedReader(csv);
        ParquetWriter<Group> out = writer(parquet, type)) {
      TripLineProcessor processor = TripLineProcessor.forHeader(in.readLine());
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!TripLineProcessor.isBlank(line)) {
          String[] texts = withZones(processor.texts(line));
          rows++;
          if (highVolume) {
            HighVolumeDraft.fill(texts, rows);
          }
          out.write(schema.group(groups.newGroup(), texts));
        }
      }
    }
    return rows;
  }

  private String[] withZones(String[] texts) {
    if (zones != null) {
      texts[Column.PICKUP_ZONE.ordinal()] = zoneOf(texts, Column.PICKUP_LON, Column.PICKUP_LAT);
      texts[Column.DROPOFF_ZONE.ordinal()] = zoneOf(texts, Column.DROPOFF_LON, Column.DROPOFF_LAT);
    }
    return texts;
  }

  private String zoneOf(String[] texts, Column lon, Column lat) {
    try {
      Integer zone =
          zones.locate(
              Double.parseDouble(texts[lon.ordinal()].trim()),
              Double.parseDouble(texts[lat.ordinal()].trim()));
      return zone == null ? UNKNOWN_ZONE : zone.toString();
    } catch (RuntimeException absentOrGarbled) {
      return null;
    }
  }

  private ParquetWriter<Group> writer(Path parquet, MessageType type) throws IOException {
    return tuning
        .apply(
            ExampleParquetWriter.builder(new LocalOutputFile(parquet))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(options.codec())
                .withRowGroupSize((long) options.rowGroupBytes())
                .withPageSize(Math.min(1 << 20, options.rowGroupBytes() / 4))
                .withType(type))
        .build();
  }
}
