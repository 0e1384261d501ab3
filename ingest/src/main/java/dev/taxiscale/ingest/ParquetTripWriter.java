package dev.taxiscale.ingest;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.format.UnknownFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * becomes a null, and a cut-off row keeps the values it has.
 */
public final class ParquetTripWriter {
  private final ParquetTripSchema schema;
  private final ParquetTripSchema.Options options;

  public ParquetTripWriter(ParquetLayout layout, ParquetTripSchema.Options options) {
    this.schema = new ParquetTripSchema(layout, options);
    this.options = options;
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
          out.write(schema.group(groups.newGroup(), processor.texts(line)));
          rows++;
        }
      }
    }
    return rows;
  }

  private ParquetWriter<Group> writer(Path parquet, MessageType type) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(parquet))
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(options.codec())
        .withRowGroupSize((long) options.rowGroupBytes())
        .withPageSize(Math.min(1 << 20, options.rowGroupBytes() / 4))
        .withType(type)
        .build();
  }
}
